package io.ibmcos.client.http;

import io.ibmcos.client.RetryPolicy;
import io.ibmcos.client.error.CosClientException;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.error.ErrorMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one COS call: address → authenticate → send → on 401 (IAM) refresh once → retry replayable requests on
 * I/O errors, throttling and 5xx with full-jitter backoff → map errors. Never retries 400/403/404/409/412.
 *
 * <p>At most {@code maxConnections} requests are in flight; a returned response holds its slot until its body is
 * closed, so a leaked download stream shows up in {@link #openResponses()} instead of silently exhausting a pool.
 */
public final class RequestExecutor {

    /** Waits between attempts; replaceable so tests need not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private static final System.Logger LOG = System.getLogger(RequestExecutor.class.getName());

    private final HttpTransport transport;
    private final CosUris uris;
    private final Authenticator authenticator;
    private final RetryPolicy retryPolicy;
    private final Duration timeout;
    private final Semaphore slots;
    private final AtomicInteger open = new AtomicInteger();
    private final Clock clock;
    private final Sleeper sleeper;
    private final String userAgent;

    public RequestExecutor(HttpTransport transport, CosUris uris, Authenticator authenticator, RetryPolicy retryPolicy,
            Duration timeout, int maxConnections, Clock clock, Sleeper sleeper, String userAgent) {
        this.transport = transport;
        this.uris = uris;
        this.authenticator = authenticator;
        this.retryPolicy = retryPolicy;
        this.timeout = timeout;
        this.slots = new Semaphore(maxConnections, true);
        this.clock = clock;
        this.sleeper = sleeper;
        this.userAgent = userAgent;
    }

    /** Responses (download streams included) not yet closed. */
    public int openResponses() {
        return open.get();
    }

    /** Sends the call and returns the successful response, which the caller must close. */
    public TransportResponse execute(CosRequest request) {
        long started = clock.millis();
        boolean refreshed = false;
        int attempt = 1;
        while (true) {
            TransportResponse response;
            Map<String, String> sent;
            acquireSlot(request);
            try {
                sent = headersFor(request);
                response = transport.send(new TransportRequest(request.method(),
                        uris.uri(request.bucket(), request.key(), request.query()), sent, request.payload(), timeout));
            } catch (IOException e) {
                slots.release();
                if (canRetry(request, attempt, started)) {
                    LOG.log(System.Logger.Level.DEBUG, "{0} attempt {1} failed with {2}; retrying", request, attempt,
                            e.toString());
                    backoff(attempt++, false);
                    continue;
                }
                // say how many attempts were made: "failed after 3 attempts" tells a route's error handler the
                // retries ran out, not that the request was never retried
                throw new CosClientException(request + " failed after " + attempt + (attempt == 1 ? " attempt: "
                        : " attempts: ") + e, e);
            } catch (InterruptedException e) {
                slots.release();
                Thread.currentThread().interrupt();
                throw new CosClientException(request + " was interrupted", e);
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
            int status = response.status();
            if (status >= 200 && status < 300) {
                return track(response);
            }
            CosServiceException error = readError(request, response);
            if (status == 401 && !refreshed && authenticator.refreshAfterUnauthorized(sent)) {
                refreshed = true;
                continue;
            }
            if (ErrorMapper.isRetryable(status) && canRetry(request, attempt, started)) {
                LOG.log(System.Logger.Level.DEBUG, "{0} attempt {1} got {2} {3}; retrying", request, attempt, status,
                        error.errorCode());
                backoff(attempt++, ErrorMapper.isThrottling(status, error.errorCode()));
                continue;
            }
            throw error;
        }
    }

    /** Sends the call and returns its whole (small) body. */
    public byte[] executeForBody(CosRequest request) {
        try (TransportResponse response = execute(request)) {
            return response.readBody();
        }
    }

    /** Sends the call, discards the body, and returns the response headers and status. */
    public TransportResponse executeDiscardingBody(CosRequest request) {
        TransportResponse response = execute(request);
        response.readBody();
        return new TransportResponse(response.status(), response.headers(), null);
    }

    private Map<String, String> headersFor(CosRequest request) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put("User-Agent", userAgent);
        authenticator.authenticate(request, uris.host(request.bucket()),
                uris.encodedPath(request.bucket(), request.key()), headers);
        return headers;
    }

    private void acquireSlot(CosRequest request) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CosClientException(request + " was interrupted while waiting for a connection slot", e);
        }
    }

    private boolean canRetry(CosRequest request, int attempt, long started) {
        return request.replayable() && attempt < retryPolicy.maxAttempts()
                && clock.millis() - started < retryPolicy.budget().toMillis();
    }

    private void backoff(int retry, boolean throttled) {
        long cap = retryPolicy.delayCapMillis(retry, throttled);
        long delay = cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CosClientException("Interrupted while waiting to retry", e);
        }
    }

    private CosServiceException readError(CosRequest request, TransportResponse response) {
        byte[] body;
        try {
            body = request.isHead() ? new byte[0] : response.readBody();
        } catch (RuntimeException e) {
            body = new byte[0];
        } finally {
            response.close();
            slots.release();
        }
        String resource = request.bucket() == null ? "/"
                : "/" + request.bucket() + (request.key() == null ? "" : "/" + request.key());
        return ErrorMapper.map(response.status(), body, response.header("x-amz-request-id"), resource,
                request.key() != null);
    }

    private TransportResponse track(TransportResponse response) {
        open.incrementAndGet();
        AtomicBoolean released = new AtomicBoolean();
        InputStream guarded = new FilterInputStream(response.body()) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    if (released.compareAndSet(false, true)) {
                        open.decrementAndGet();
                        slots.release();
                    }
                }
            }
        };
        return new TransportResponse(response.status(), response.headers(), guarded);
    }
}
