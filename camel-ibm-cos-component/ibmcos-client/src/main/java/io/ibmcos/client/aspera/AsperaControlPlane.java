package io.ibmcos.client.aspera;

import io.ibmcos.client.CosClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Everything before ascp runs: the bucket's connection info (cached in a bounded LRU, one request per bucket even
 * when many transfers start at once), the delegated token, and the ATS setup call. Thread-safe.
 */
public final class AsperaControlPlane {

    /** IBM's SDKs keep up to 1000 buckets' connection info. */
    public static final int DEFAULT_CACHE_SIZE = 1000;

    private final CosClient cos;
    private final DelegatedTokens tokens;
    private final AtsClient ats;
    private final Map<String, CompletableFuture<FaspConnectionInfo>> infos; // guarded by itself

    public AsperaControlPlane(CosClient cos, DelegatedTokens tokens, AtsClient ats, int cacheSize) {
        this.cos = Objects.requireNonNull(cos, "cos");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.ats = Objects.requireNonNull(ats, "ats");
        if (cacheSize < 1) {
            throw new IllegalArgumentException("cacheSize must be >= 1, was " + cacheSize);
        }
        this.infos = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<FaspConnectionInfo>> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /** The bucket's connection info; concurrent first callers share one request. */
    public FaspConnectionInfo connectionInfo(String bucket) {
        CompletableFuture<FaspConnectionInfo> future;
        boolean owner = false;
        synchronized (infos) {
            future = infos.get(bucket);
            if (future == null) {
                future = new CompletableFuture<>();
                infos.put(bucket, future);
                owner = true;
            }
        }
        if (owner) {
            try {
                future.complete(cos.getFaspConnectionInfo(bucket));
            } catch (RuntimeException e) {
                forget(bucket, future);
                future.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AsperaException("Interrupted while waiting for the faspConnectionInfo of " + bucket, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AsperaException("faspConnectionInfo of " + bucket + " failed", e.getCause());
        }
    }

    /** Number of buckets cached (diagnostics). */
    public int cachedBuckets() {
        synchronized (infos) {
            return infos.size();
        }
    }

    /**
     * Asks ATS for a transfer spec. An access key ATS refuses is dropped from the cache (it may have been rotated)
     * and the call is made once more with fresh connection info and a fresh delegated token.
     */
    public TransferSpec transferSpec(String bucket, boolean upload, List<TransferSpec.PathPair> paths,
            String destinationRoot) {
        FaspConnectionInfo info = connectionInfo(bucket);
        String token = tokens.token();
        try {
            return ats.setup(info, upload, paths, destinationRoot, token);
        } catch (AtsClient.AtsException e) {
            if (!e.authenticationFailed()) {
                throw e;
            }
            refreshCredentials(bucket, token);
            return ats.setup(connectionInfo(bucket), upload, paths, destinationRoot, tokens.token());
        }
    }

    /** After ATS or ascp refused a token: forget it and the bucket's cached access key. */
    public void refreshCredentials(String bucket, String rejectedToken) {
        tokens.invalidate(rejectedToken);
        synchronized (infos) {
            infos.remove(bucket);
        }
    }

    /** The current delegated token (the transfer manager compares it when ascp reports an auth failure). */
    public String delegatedToken() {
        return tokens.token();
    }

    private void forget(String bucket, CompletableFuture<FaspConnectionInfo> future) {
        synchronized (infos) {
            infos.remove(bucket, future);
        }
    }
}
