package io.ibmcos.benchmarks.clients;

import com.ibm.cloud.objectstorage.ClientConfiguration;
import com.ibm.cloud.objectstorage.auth.AWSStaticCredentialsProvider;
import com.ibm.cloud.objectstorage.auth.BasicAWSCredentials;
import com.ibm.cloud.objectstorage.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.ibm.cloud.objectstorage.services.s3.AmazonS3;
import com.ibm.cloud.objectstorage.services.s3.AmazonS3ClientBuilder;
import com.ibm.cloud.objectstorage.services.s3.model.ObjectMetadata;
import com.ibm.cloud.objectstorage.services.s3.model.PutObjectRequest;
import com.ibm.cloud.objectstorage.services.s3.transfer.TransferManager;
import com.ibm.cloud.objectstorage.services.s3.transfer.TransferManagerBuilder;
import io.ibmcos.benchmarks.servers.BenchServer;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * IBM COS Java SDK 2.14.1 {@code TransferManager}: 16 MiB parts and threshold, 10 threads, path style, HMAC.
 * {@code bufferStreams} raises the read limit of stream uploads so the SDK can sign them (see
 * {@link #uploadStream}). {@code chunked} chooses whether SigV4 streaming (aws-chunked, per-chunk signatures) is used over plain http; with
 * it off the SDK hashes each body in a pre-pass instead.
 */
public final class IbmTransferManagerClient implements UploadClient {

    private final String name;
    private final boolean chunked;
    private final boolean bufferStreams;
    private final AmazonS3 s3;
    private final TransferManager transfers;

    public IbmTransferManagerClient(String name, BenchServer server, boolean chunked, boolean bufferStreams) {
        this.name = name;
        this.chunked = chunked;
        this.bufferStreams = bufferStreams;
        AmazonS3ClientBuilder builder = AmazonS3ClientBuilder.standard()
                .withCredentials(new AWSStaticCredentialsProvider(
                        new BasicAWSCredentials(server.accessKey(), server.secretKey())))
                .withEndpointConfiguration(new EndpointConfiguration(server.endpoint().toString(), Settings.REGION))
                .withPathStyleAccessEnabled(true)
                // at least as many connections as transfer threads, so no part waits for a connection
                .withClientConfiguration(new ClientConfiguration().withMaxConnections(Settings.IBM_THREADS * 2));
        if (!chunked) {
            builder.disableChunkedEncoding();
        }
        s3 = builder.build();
        transfers = TransferManagerBuilder.standard()
                .withS3Client(s3)
                .withMinimumUploadPartSize(Settings.PART_SIZE)
                .withMultipartUploadThreshold(Settings.PART_SIZE)
                .withExecutorFactory(() -> Executors.newFixedThreadPool(Settings.IBM_THREADS, daemonThreads()))
                .withShutDownThreadPools(true)
                .build();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ibm-tm-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void uploadFile(String bucket, String key, Path file) throws InterruptedException {
        transfers.upload(bucket, key, file.toFile()).waitForCompletion();
    }

    @Override
    public void uploadStream(String bucket, String key, InputStream in) throws InterruptedException {
        // No content length (the caller does not know it): the TransferManager then sends ONE PutObject, and over
        // plain http the SDK reads the body twice (to sign it, then to send it). With its default 128 KiB mark
        // limit that fails ("Unable to reset stream after calculating AWS4 signature"); raising the read limit, as
        // its error message advises, makes it hold the whole stream in memory (ibm-buffered: up to 2 GiB, and
        // S3Proxy still refuses the length-less PUT).
        PutObjectRequest request = new PutObjectRequest(bucket, key, in, new ObjectMetadata());
        if (bufferStreams) {
            request.getRequestClientOptions().setReadLimit(Integer.MAX_VALUE);
        }
        transfers.upload(request).waitForCompletion();
    }

    @Override
    public String describe() {
        return "IBM COS SDK 2.14.1 TransferManager: 16 MiB parts/threshold, " + Settings.IBM_THREADS
                + " threads, path style, HMAC, chunked encoding " + (chunked ? "on (SDK default)" : "disabled")
                + "; a stream of unknown length goes as one PutObject" + (bufferStreams
                        ? ", buffered whole in memory (read limit raised to 2 GiB)" : " (SDK default read limit)");
    }

    @Override
    public void close() {
        transfers.shutdownNow(true);
    }
}
