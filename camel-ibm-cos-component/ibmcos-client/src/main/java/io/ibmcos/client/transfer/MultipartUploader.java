package io.ibmcos.client.transfer;

import io.ibmcos.client.CosClient;
import io.ibmcos.client.Digests;
import io.ibmcos.client.error.CosClientException;
import io.ibmcos.client.model.CompleteMultipartUploadRequest;
import io.ibmcos.client.model.CompleteMultipartUploadResult;
import io.ibmcos.client.model.CompletedPart;
import io.ibmcos.client.model.CreateMultipartUploadRequest;
import io.ibmcos.client.model.MultipartUpload;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.client.model.UploadPartRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chunked parallel uploader. Objects at or below the threshold go as one PUT; larger ones (and streams whose
 * length is unknown and turns out larger) as a multipart upload with at most {@code concurrency} parts in flight.
 * Files are sent region by region from disk; streams through a pool of {@code concurrency + 1} buffers, so memory
 * stays bounded for any length. Each part is retried by the client's retry policy from its replayable buffer or
 * file region.
 *
 * <p>First failure wins: the other parts are interrupted, the upload is aborted exactly once (an abort failure is
 * added as suppressed), and the original exception is rethrown. Complete is sent once, with the retention headers.
 */
public final class MultipartUploader implements AutoCloseable {

    private final CosClient client;
    private final UploadSettings settings;
    private final ExecutorService executor;
    private final boolean ownsExecutor;

    /** With its own pool of {@code concurrency} daemon threads, shut down by {@link #close()}. */
    public MultipartUploader(CosClient client, UploadSettings settings) {
        this(client, settings, Executors.newFixedThreadPool(settings.concurrency(), daemonThreads()), true);
    }

    /** With a caller's executor (not shut down by us); it should run at least {@code concurrency} tasks at once. */
    public MultipartUploader(CosClient client, UploadSettings settings, ExecutorService executor) {
        this(client, settings, executor, false);
    }

    private MultipartUploader(CosClient client, UploadSettings settings, ExecutorService executor, boolean owns) {
        this.client = client;
        this.settings = settings;
        this.executor = executor;
        this.ownsExecutor = owns;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ibmcos-upload-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public UploadSettings settings() {
        return settings;
    }

    /** Uploads and blocks until the object exists (or the upload failed and was aborted). */
    public UploadResult upload(UploadRequest request) {
        long length = sourceLength(request);
        // a one-shot stream that needs a Content-MD5 is buffered first (below), so its digest can be computed
        boolean streamNeedsDigest = settings.contentMd5() && request.file() == null;
        if (length >= 0 && length <= settings.multipartThreshold() && !streamNeedsDigest) {
            return singlePut(request, request.file() != null ? fileBody(request) : Payload.ofStream(request.stream(),
                    length), length, null);
        }
        PartPlan plan = length >= 0 ? PartPlan.forLength(length, settings.partSize())
                : PartPlan.forUnknownLength(settings.partSize());
        BufferPool pool = request.file() == null
                ? new BufferPool(settings.concurrency() + 1, plan.partSize()) : null;
        PartSource source = request.file() != null ? PartSource.ofFile(request.file(), plan)
                : PartSource.ofStream(request.stream(), plan, pool);
        PartSource.Part first;
        try {
            first = source.next(1);
        } catch (IOException e) {
            throw new CosClientException("Reading the upload source of " + request.key() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CosClientException("Upload of " + request.key() + " was interrupted", e);
        }
        boolean whole = length < 0 ? first.length() < plan.partSize() : plan.partCount() == 1;
        if (whole && first.length() <= settings.multipartThreshold()) {
            // the whole object fitted in one buffer, so one PUT is enough
            try {
                return singlePut(request, first.payload(), first.length(), first.payload());
            } finally {
                source.release(first);
            }
        }
        return new Run(request, plan, source, pool).execute(first);
    }

    private static long sourceLength(UploadRequest request) {
        if (request.file() != null) {
            try {
                return Files.size(request.file());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the size of " + request.file(), e);
            }
        }
        return request.streamLength();
    }

    private static Payload fileBody(UploadRequest request) {
        try {
            return Payload.ofFile(request.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UploadResult singlePut(UploadRequest r, Payload body, long length, Payload md5Source) {
        String md5 = settings.contentMd5() ? Digests.contentMd5(md5Source != null ? md5Source : body) : null;
        var result = client.putObject(new PutObjectRequest(r.bucket(), r.key(), body, r.headers(), md5, r.retention()));
        r.progress().onProgress(length, 1, length, 1);
        return new UploadResult(r.bucket(), r.key(), result.eTag(), null, 1, length, md5Source != null ? 1 : 0);
    }

    @Override
    public void close() {
        if (ownsExecutor) {
            executor.shutdownNow();
        }
    }

    /** One multipart upload in progress. */
    private final class Run {
        private final UploadRequest request;
        private final PartPlan plan;
        private final PartSource source;
        private final BufferPool pool;
        private final PartTracker tracker;
        private final Semaphore inFlight = new Semaphore(settings.concurrency());

        Run(UploadRequest request, PartPlan plan, PartSource source, BufferPool pool) {
            this.request = request;
            this.plan = plan;
            this.source = source;
            this.pool = pool;
            this.tracker = new PartTracker(request.progress(), plan);
        }

        UploadResult execute(PartSource.Part first) {
            MultipartUpload upload;
            try {
                upload = client.createMultipartUpload(
                        new CreateMultipartUploadRequest(request.bucket(), request.key(), request.headers()));
            } catch (RuntimeException e) {
                source.release(first);
                throw e;
            }
            List<Future<?>> futures = new ArrayList<>();
            PartSource.Part part = first;
            try {
                for (int number = 1; !tracker.failed(); number++) {
                    if (part == null) {
                        part = source.next(number);
                        if (part == null) {
                            break;
                        }
                    }
                    inFlight.acquire();
                    if (tracker.failed()) {
                        inFlight.release();
                        break;
                    }
                    PartSource.Part sending = part;
                    part = null;
                    futures.add(executor.submit(() -> send(upload, sending)));
                }
            } catch (IOException e) {
                tracker.fail(new CosClientException("Reading the upload source of " + request.key() + " failed: " + e, e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tracker.fail(new CosClientException("Upload of " + request.key() + " was interrupted", e));
            } catch (RuntimeException e) {
                tracker.fail(e);
            } finally {
                if (part != null) {
                    source.release(part);
                }
            }
            awaitAll(futures);
            if (!tracker.failed()) {
                try {
                    CompleteMultipartUploadResult done = client.completeMultipartUpload(new CompleteMultipartUploadRequest(
                            request.bucket(), request.key(), upload.uploadId(), tracker.completedParts(),
                            request.retention()));
                    return new UploadResult(request.bucket(), request.key(), done.eTag(), upload.uploadId(),
                            tracker.partCount(), tracker.bytes(), pool == null ? 0 : pool.allocated());
                } catch (RuntimeException e) {
                    tracker.fail(e);
                }
            }
            throw abortAndRethrow(upload);
        }

        private void send(MultipartUpload upload, PartSource.Part part) {
            if (!tracker.enter()) {
                source.release(part);
                inFlight.release();
                return;
            }
            try {
                String md5 = settings.contentMd5() ? Digests.contentMd5(part.payload()) : null;
                CompletedPart done = client.uploadPart(new UploadPartRequest(upload.bucket(), upload.key(),
                        upload.uploadId(), part.number(), part.payload(), md5));
                tracker.completed(done, part.length());
            } catch (Throwable t) {
                tracker.fail(t);
            } finally {
                tracker.leave();
                source.release(part);
                inFlight.release();
            }
        }

        private void awaitAll(List<Future<?>> futures) {
            boolean interrupted = false;
            for (Future<?> f : futures) {
                while (true) {
                    try {
                        f.get();
                        break;
                    } catch (InterruptedException e) {
                        // keep waiting: buffers and the abort must not race with parts still running
                        interrupted = true;
                        tracker.fail(new CosClientException("Upload of " + request.key() + " was interrupted", e));
                    } catch (ExecutionException e) {
                        tracker.fail(e.getCause());
                        break;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private RuntimeException abortAndRethrow(MultipartUpload upload) {
            Throwable cause = tracker.failure();
            // an interrupted caller (shutdown) must still abort: clear the flag for the abort request, then restore it
            boolean interrupted = Thread.interrupted();
            try {
                client.abortMultipartUpload(upload.bucket(), upload.key(), upload.uploadId());
            } catch (RuntimeException abortFailure) {
                cause.addSuppressed(abortFailure);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (cause instanceof RuntimeException re) {
                return re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            return new CosClientException("Upload of " + request.key() + " failed: " + cause, cause);
        }
    }
}
