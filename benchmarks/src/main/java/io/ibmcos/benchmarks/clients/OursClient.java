package io.ibmcos.benchmarks.clients;

import io.ibmcos.benchmarks.servers.BenchServer;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.transfer.MultipartUploader;
import io.ibmcos.client.transfer.UploadRequest;
import io.ibmcos.client.transfer.UploadResult;
import io.ibmcos.client.transfer.UploadSettings;
import java.io.InputStream;
import java.nio.file.Path;

/** Our {@link MultipartUploader} over {@link DefaultCosClient}: 16 MiB parts, {@code concurrency} in flight. */
public final class OursClient implements UploadClient {

    private final String name;
    private final int concurrency;
    private final CosClient client;
    private final MultipartUploader uploader;
    private volatile UploadResult last;

    public OursClient(String name, BenchServer server, int concurrency) {
        this.name = name;
        this.concurrency = concurrency;
        this.client = new DefaultCosClient(CosClientConfig.builder()
                .endpoint(server.endpoint())
                .credentials(new HmacCredentials(server.accessKey(), server.secretKey()))
                .maxConnections(Math.max(50, concurrency * 2))
                .build());
        this.uploader = new MultipartUploader(client, new UploadSettings(Settings.PART_SIZE, Settings.PART_SIZE,
                concurrency, false));
    }

    @Override
    public String name() {
        return name;
    }

    public int concurrency() {
        return concurrency;
    }

    /** The result of the latest upload (buffers a stream upload allocated, part count). */
    public UploadResult lastResult() {
        return last;
    }

    @Override
    public void uploadFile(String bucket, String key, Path file) {
        last = uploader.upload(UploadRequest.ofFile(bucket, key, file));
    }

    @Override
    public void uploadStream(String bucket, String key, InputStream in) {
        last = uploader.upload(UploadRequest.ofStream(bucket, key, in, -1));
    }

    @Override
    public String describe() {
        return "MultipartUploader over DefaultCosClient (java.net.http, HTTP/1.1, SigV4 UNSIGNED-PAYLOAD): "
                + "16 MiB parts, " + concurrency + " in flight, no Content-MD5";
    }

    @Override
    public void close() {
        uploader.close();
        client.close();
    }
}
