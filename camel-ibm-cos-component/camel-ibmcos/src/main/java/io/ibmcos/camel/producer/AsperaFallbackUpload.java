package io.ibmcos.camel.producer;

import io.ibmcos.camel.IbmCosConfiguration;
import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.aspera.AsperaException;
import io.ibmcos.client.transfer.MultipartUploader;
import io.ibmcos.client.transfer.UploadRequest;
import io.ibmcos.client.transfer.UploadResult;
import io.ibmcos.client.transfer.UploadSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

/**
 * asperaUpload without ascp (asperaFallback=multipart): the file, or every file of the folder under the prefix,
 * through the client core's parallel {@link MultipartUploader}. Reports CamelIbmCosAsperaEngine=multipart.
 */
final class AsperaFallbackUpload {

    static final String ENGINE = "multipart";

    private final CosClient client;
    private final IbmCosConfiguration config;
    private final ExecutorService threads;

    AsperaFallbackUpload(CosClient client, IbmCosConfiguration config, ExecutorService threads) {
        this.client = client;
        this.config = config;
        this.threads = threads;
    }

    OperationResult upload(String bucket, Path source, String key) {
        if (!Files.isReadable(source)) {
            throw new AsperaException("The Aspera upload source does not exist or is not readable: " + source);
        }
        long started = System.nanoTime();
        MultipartUploader uploader = new MultipartUploader(client, new UploadSettings(config.getPartSize(),
                config.effectiveMultipartThreshold(), config.getMultipartConcurrency(), false), threads);
        long bytes = 0;
        int files = 0;
        if (Files.isDirectory(source)) {
            String prefix = key.endsWith("/") ? key : key + "/";
            for (Path file : files(source)) {
                String relative = source.relativize(file).toString().replace('\\', '/');
                UploadResult r = uploader.upload(UploadRequest.ofFile(bucket, prefix + relative, file));
                bytes += r.bytes();
                files++;
            }
        } else {
            String target = key.endsWith("/") ? key + source.getFileName() : key;
            bytes = uploader.upload(UploadRequest.ofFile(bucket, target, source)).bytes();
            files = 1;
        }
        return OperationResult.keepBody()
                .withHeader(IbmCosConstants.ASPERA_BYTES, bytes)
                .withHeader(IbmCosConstants.ASPERA_FILES, files)
                .withHeader(IbmCosConstants.ASPERA_ELAPSED, (System.nanoTime() - started) / 1_000_000)
                .withHeader(IbmCosConstants.ASPERA_ENGINE, ENGINE);
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new AsperaException("Cannot list the folder to upload " + folder + ": " + e, e);
        }
    }
}
