package io.ibmcos.client.aspera;

import io.ibmcos.client.CosClient;
import io.ibmcos.client.auth.CredentialType;
import io.ibmcos.client.model.ListObjectsRequest;
import io.ibmcos.client.model.ObjectListing;
import io.ibmcos.client.model.ObjectSummary;
import io.ibmcos.client.model.ProtectionConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Uploads and downloads files and folders with Aspera: refuses what COS cannot do before anything is sent (HMAC
 * credentials, protected buckets, missing sources, keys that would escape the download folder), asks ATS for a
 * transfer spec, applies the caller's spec edits, and runs it on the engine, retrying retryable ascp errors with
 * back-off and renewing the delegated token (and the ATS setup) once when the token is refused.
 */
public final class AsperaTransferManager {

    /** aspera-cli's resumer: up to 7 retries, 2 s doubling to 60 s. */
    public record RetrySettings(int maxRetries, Duration baseDelay, Duration maxDelay) {
        public static final RetrySettings DEFAULT = new RetrySettings(7, Duration.ofSeconds(2), Duration.ofSeconds(60));

        public RetrySettings {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
            }
            Objects.requireNonNull(baseDelay, "baseDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
        }

        /** Delay before retry number {@code retry} (1-based). */
        public Duration delay(int retry) {
            Duration d = baseDelay.multipliedBy(1L << Math.min(retry - 1, 20));
            return d.compareTo(maxDelay) > 0 ? maxDelay : d;
        }
    }

    /** Waits between retries; tests record instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final CosClient cos;
    private final CredentialType credentialType;
    private final AsperaControlPlane plane;
    private final AsperaEngine engine;
    private final RetrySettings retry;
    private final Sleeper sleeper;

    public AsperaTransferManager(CosClient cos, CredentialType credentialType, AsperaControlPlane plane,
            AsperaEngine engine, RetrySettings retry, Sleeper sleeper) {
        this.cos = Objects.requireNonNull(cos, "cos");
        this.credentialType = credentialType;
        this.plane = plane;
        this.engine = Objects.requireNonNull(engine, "engine");
        this.retry = retry == null ? RetrySettings.DEFAULT : retry;
        this.sleeper = sleeper; // null: back-off waits that cancel() cuts short
    }

    public AsperaEngine engine() {
        return engine;
    }

    /**
     * Prepares the upload of a file (to {@code key}) or a folder (to the prefix {@code key}). Checks run now; the
     * transfer starts in {@link ManagedTransfer#await}.
     */
    public ManagedTransfer upload(String bucket, Path source, String key, AsperaSpecOptions options,
            AsperaListener listener) {
        requireIam();
        if (source == null || !Files.exists(source)) {
            throw new AsperaException("The Aspera upload source does not exist: " + source);
        }
        if (!Files.isReadable(source)) {
            throw new AsperaException("The Aspera upload source is not readable: " + source);
        }
        String target = key == null ? "" : key;
        boolean folder = Files.isDirectory(source);
        if (folder) {
            target = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        } else if (target.isEmpty() || target.endsWith("/")) {
            target = target + source.getFileName();
        }
        if (target.isEmpty() && !folder) {
            throw new AsperaException("The Aspera upload needs an object key");
        }
        refuseProtected(bucket);
        List<TransferSpec.PathPair> paths = List.of(new TransferSpec.PathPair(
                source.toAbsolutePath().normalize().toString(), target));
        return new ManagedTransfer(bucket, true, paths, "", options, listener);
    }

    /**
     * Prepares a download: a key ending with {@code /} is a prefix whose objects go into the folder {@code target}
     * (every key is checked with {@link KeyPaths} first); any other key is one object written to {@code target}
     * (or into it, under the key's last segment, when {@code target} is an existing folder).
     */
    public ManagedTransfer download(String bucket, String key, Path target, AsperaSpecOptions options,
            AsperaListener listener) {
        requireIam();
        if (key == null || key.isEmpty()) {
            throw new AsperaException("The Aspera download needs an object key or a prefix ending with /");
        }
        if (target == null) {
            throw new AsperaException("The Aspera download needs a local target file or folder");
        }
        Path local = target.toAbsolutePath().normalize();
        boolean folder = key.endsWith("/");
        String source = key;
        if (folder) {
            refuseProtected(bucket);
            checkKeysUnder(bucket, key, local);
            source = key.substring(0, key.length() - 1);
        } else {
            if (Files.isDirectory(local)) {
                String name = key.substring(key.lastIndexOf('/') + 1);
                local = KeyPaths.resolve(local, name);
            }
            refuseProtected(bucket);
        }
        Path parent = folder ? local : local.getParent();
        if (parent != null && Files.exists(parent) && !Files.isWritable(parent)) {
            throw new AsperaException("The Aspera download folder is not writable: " + parent);
        }
        List<TransferSpec.PathPair> paths = List.of(new TransferSpec.PathPair(source, local.toString()));
        return new ManagedTransfer(bucket, false, paths, folder ? "/" : "", options, listener);
    }

    private void requireIam() {
        if (credentialType != CredentialType.IAM || plane == null) {
            throw new AsperaException("Aspera transfers need IAM credentials (an API key): ATS only accepts an IAM "
                    + "delegated token, which HMAC keys cannot obtain");
        }
    }

    private void refuseProtected(String bucket) {
        ProtectionConfiguration protection = cos.getBucketProtectionConfiguration(bucket);
        if (protection != null && protection.enabled()) {
            throw new AsperaException("Bucket " + bucket + " has a protection configuration (Immutable Object "
                    + "Storage); COS does not support Aspera transfers into or out of such buckets");
        }
    }

    private void checkKeysUnder(String bucket, String prefix, Path folder) {
        String token = null;
        do {
            ObjectListing page = cos.listObjectsV2(ListObjectsRequest.of(bucket).withPrefix(prefix)
                    .withContinuationToken(token));
            for (ObjectSummary o : page.objects()) {
                String relative = o.key().substring(prefix.length());
                if (!relative.isEmpty() && !relative.endsWith("/")) { // folder markers create nothing
                    KeyPaths.resolve(folder, relative);
                }
            }
            token = page.truncated() ? page.nextContinuationToken() : null;
        } while (token != null);
    }

    /** A prepared transfer; {@link #await} runs it (with retries), {@link #cancel} stops it from any thread. */
    public final class ManagedTransfer {
        private final String transferId = UUID.randomUUID().toString();
        private final String bucket;
        private final boolean upload;
        private final List<TransferSpec.PathPair> paths;
        private final String destinationRoot;
        private final AsperaSpecOptions options;
        private final MonotonicListener listener;
        private volatile TransferHandle current;
        private volatile boolean cancelled;
        private int attempts;

        private ManagedTransfer(String bucket, boolean upload, List<TransferSpec.PathPair> paths,
                String destinationRoot, AsperaSpecOptions options, AsperaListener listener) {
            this.bucket = bucket;
            this.upload = upload;
            this.paths = new ArrayList<>(paths);
            this.destinationRoot = destinationRoot;
            this.options = options == null ? AsperaSpecOptions.NONE : options;
            this.listener = new MonotonicListener(listener == null ? AsperaListener.NONE : listener);
        }

        public String transferId() {
            return transferId;
        }

        /** Engine runs so far (1 + retries + token renewals). */
        public int attempts() {
            return attempts;
        }

        /**
         * Runs the transfer to its end.
         *
         * @param timeout overall limit including retries, or null for none
         * @throws AsperaException when it failed, was cancelled (code 28) or timed out
         */
        public TransferOutcome await(Duration timeout) throws InterruptedException {
            long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
            String token = plane.delegatedToken();
            TransferSpec spec = setup();
            boolean renewed = false;
            int retries = 0;
            while (true) {
                if (cancelled) {
                    throw new AsperaException("Aspera transfer " + transferId + " was cancelled",
                            AscpErrors.CANCELLED, null);
                }
                attempts++;
                TransferHandle handle = engine.start(transferId, spec.copy(), listener);
                current = handle;
                if (cancelled) {
                    handle.cancel();
                }
                try {
                    return timeout == null ? handle.await()
                            : handle.await(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    handle.cancel();
                    throw e;
                } catch (AsperaException e) {
                    if (timeout != null && e.code() == AscpErrors.CANCELLED && System.nanoTime() >= deadline) {
                        throw new AsperaException("Aspera transfer " + transferId + " did not finish within "
                                + timeout + " and was cancelled", AscpErrors.CANCELLED, e);
                    }
                    if (cancelled && e.code() != AscpErrors.CANCELLED) {
                        throw new AsperaException("Aspera transfer " + transferId + " was cancelled",
                                AscpErrors.CANCELLED, e);
                    }
                    if (e.code() == AscpErrors.CANCELLED) {
                        throw e;
                    }
                    if (AscpErrors.tokenRejected(e.code(), e.getMessage()) && !renewed) {
                        renewed = true;
                        plane.refreshCredentials(bucket, token);
                        token = plane.delegatedToken();
                        spec = setup();
                        continue;
                    }
                    if (AscpErrors.retryable(e.code(), e.getMessage()) && retries < retry.maxRetries()) {
                        retries++;
                        backoff(retry.delay(retries));
                        continue;
                    }
                    if (renewed && AscpErrors.tokenRejected(e.code(), e.getMessage())) {
                        throw new AsperaException(e.getMessage() + " (also after renewing the delegated token and "
                                + "repeating the ATS setup)", e.code(), e);
                    }
                    throw e;
                }
            }
        }

        /** Stops the transfer, also while it waits to retry; {@link #await} then fails with code 28. */
        public void cancel() {
            synchronized (this) {
                cancelled = true;
                notifyAll(); // ends a back-off wait at once
            }
            TransferHandle handle = current;
            if (handle != null) {
                handle.cancel();
            }
        }

        private void backoff(Duration delay) throws InterruptedException {
            if (sleeper != null) {
                sleeper.sleep(delay);
                return;
            }
            long end = System.nanoTime() + delay.toNanos();
            synchronized (this) {
                long left;
                while (!cancelled && (left = end - System.nanoTime()) > 0) {
                    wait(Math.max(1, left / 1_000_000));
                }
            }
        }

        private TransferSpec setup() {
            return options.applyTo(plane.transferSpec(bucket, upload, paths, destinationRoot));
        }
    }

    /** Passes events on, dropping progress that would go backwards when a retry starts again from zero. */
    private static final class MonotonicListener implements AsperaListener {
        private final AsperaListener delegate;
        private long bytes = -1;

        MonotonicListener(AsperaListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized void onEvent(AsperaEvent event) {
            if (event instanceof AsperaEvent.Progress p) {
                if (p.bytes() <= bytes) {
                    return;
                }
                bytes = p.bytes();
            }
            delegate.onEvent(event);
        }
    }
}
