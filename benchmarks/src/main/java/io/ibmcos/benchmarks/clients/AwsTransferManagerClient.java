package io.ibmcos.benchmarks.clients;

import io.ibmcos.benchmarks.servers.BenchServer;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.multipart.MultipartConfiguration;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.UploadFileRequest;
import software.amazon.awssdk.transfer.s3.model.UploadRequest;

/**
 * AWS SDK v2 {@code S3TransferManager} over either the Java-based multipart {@code S3AsyncClient} (Netty HTTP
 * client) or the CRT-based one (native). 16 MiB parts and threshold, path style, checksums only when required
 * (S3Proxy and COS do not need the CRC32 the SDK would otherwise add to every part).
 */
public final class AwsTransferManagerClient implements UploadClient {

    private final String name;
    private final boolean crt;
    private final ExecutorService executor;
    private final S3AsyncClient s3;
    private final S3TransferManager transfers;

    public AwsTransferManagerClient(String name, BenchServer server, boolean crt) {
        this.name = name;
        this.crt = crt;
        this.executor = Executors.newFixedThreadPool(8, daemonThreads(name));
        this.s3 = crt ? crtClient(server) : javaClient(server);
        this.transfers = S3TransferManager.builder().s3Client(s3).executor(executor).build();
    }

    private static S3AsyncClient javaClient(BenchServer server) {
        return S3AsyncClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.of(Settings.REGION))
                .credentialsProvider(credentials(server))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .multipartEnabled(true)
                .multipartConfiguration(MultipartConfiguration.builder()
                        .minimumPartSizeInBytes(Settings.PART_SIZE)
                        .thresholdInBytes(Settings.PART_SIZE)
                        .build())
                .build();
    }

    private static S3AsyncClient crtClient(BenchServer server) {
        return S3AsyncClient.crtBuilder()
                .endpointOverride(server.endpoint())
                .region(Region.of(Settings.REGION))
                .credentialsProvider(credentials(server))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .minimumPartSizeInBytes(Settings.PART_SIZE)
                .thresholdInBytes(Settings.PART_SIZE)
                .build();
    }

    private static StaticCredentialsProvider credentials(BenchServer server) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey()));
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-tm-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void uploadFile(String bucket, String key, Path file) {
        transfers.uploadFile(UploadFileRequest.builder()
                .putObjectRequest(b -> b.bucket(bucket).key(key))
                .source(file)
                .build()).completionFuture().join();
    }

    @Override
    public void uploadStream(String bucket, String key, InputStream in) {
        // null length: the SDK's unknown-content-length multipart path reads the stream on this executor
        AsyncRequestBody body = AsyncRequestBody.fromInputStream(in, null, executor);
        transfers.upload(UploadRequest.builder()
                .putObjectRequest(b -> b.bucket(bucket).key(key))
                .requestBody(body)
                .build()).completionFuture().join();
    }

    @Override
    public String describe() {
        return "AWS SDK v2 2.57.8 S3TransferManager over the " + (crt ? "CRT-based (native)" : "Java multipart (Netty)")
                + " S3AsyncClient: 16 MiB parts/threshold, path style, checksums WHEN_REQUIRED";
    }

    @Override
    public void close() {
        transfers.close();
        s3.close();
        executor.shutdownNow();
    }
}
