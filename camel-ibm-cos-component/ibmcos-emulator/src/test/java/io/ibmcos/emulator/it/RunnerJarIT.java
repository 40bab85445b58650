package io.ibmcos.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ibm.cloud.objectstorage.ClientConfiguration;
import com.ibm.cloud.objectstorage.auth.AWSStaticCredentialsProvider;
import com.ibm.cloud.objectstorage.auth.BasicAWSCredentials;
import com.ibm.cloud.objectstorage.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.ibm.cloud.objectstorage.services.s3.AmazonS3;
import com.ibm.cloud.objectstorage.services.s3.AmazonS3ClientBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shaded runner starts with one {@code java -jar} command and serves IBM's Java SDK. */
class RunnerJarIT {

    @Test
    void runnerJarServesIbmSdkAndStopsOnSigterm() throws Exception {
        String jar = System.getProperty("ibmcos.emulator.runner.jar");
        assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), "runner jar is built in the package phase");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-jar", jar, "--port", "0", "--access-key", "runner-ak", "--secret-key", "runner-sk",
                "--api-key", "runner-api", "--service-instance-id", "runner-instance", "--token-ttl", "600")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            List<String> banner = new ArrayList<>();
            String endpoint = null;
            for (String line; (line = out.readLine()) != null;) {
                banner.add(line);
                if (line.trim().startsWith("endpoint:")) {
                    endpoint = line.substring(line.indexOf("http")).trim();
                }
                if (line.trim().startsWith("admin API:")) {
                    break;
                }
            }
            assertThat(String.join("\n", banner)).contains("runner-ak").contains("runner-sk").contains("runner-api")
                    .contains("runner-instance").contains("/identity/token");
            AmazonS3 s3 = AmazonS3ClientBuilder.standard()
                    .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("runner-ak", "runner-sk")))
                    .withEndpointConfiguration(new EndpointConfiguration(endpoint, "us-standard"))
                    .withPathStyleAccessEnabled(true).withClientConfiguration(new ClientConfiguration()).build();
            try {
                s3.createBucket("runner-bucket");
                s3.putObject("runner-bucket", "hello.txt", "from the runner jar");
                assertThat(s3.getObjectAsString("runner-bucket", "hello.txt")).isEqualTo("from the runner jar");
            } finally {
                s3.shutdown();
            }
        } finally {
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("SIGTERM stops the runner").isTrue();
        }
    }
}
