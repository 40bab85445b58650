package io.ibmcos.client.auth;

import io.ibmcos.client.error.IamAuthenticationException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Obtains and caches IAM bearer tokens for one API key and one IAM URL.
 *
 * <ul>
 *   <li>Always the API-key grant: IAM answers {@code refresh_token: not_supported} for API keys.</li>
 *   <li>Proactive refresh at 80 % of the lifetime. In that window exactly one caller refreshes while the
 *       others keep using the still-valid token without waiting; if the refresh fails the old token stays,
 *       a warning is logged and the next attempt waits {@link IamRetrySettings#refreshFailureBackoff()}.</li>
 *   <li>Without a valid token, concurrent callers share one in-flight request (single-flight).</li>
 *   <li>Retries only I/O errors, 429 and 5xx, with full-jitter exponential back-off. 4xx answers fail at
 *       once with {@link IamAuthenticationException} carrying IAM's {@code errorCode}.</li>
 * </ul>
 * All state is per instance (no statics), so managers for different IAM URLs are independent. Thread-safe.
 */
public final class IamTokenManager {

    /** Waits between retries; injectable so tests do not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** How long a delegated refresh token (Aspera) is reused, as IBM's SDKs do. */
    public static final Duration DELEGATED_TOKEN_VALIDITY = Duration.ofDays(6);

    private static final System.Logger LOG = System.getLogger(IamTokenManager.class.getName());
    private static final String APIKEY_GRANT = "urn:ibm:params:oauth:grant-type:apikey";

    private final IamCredentials credentials;
    private final IamTokenClient client;
    private final Clock clock;
    private final IamRetrySettings settings;
    private final Sleeper sleeper;

    private final Object lock = new Object();
    private volatile IamToken token;
    private CompletableFuture<IamToken> inFlight; // guarded by lock
    private Instant refreshNotBefore = Instant.MIN; // guarded by lock

    private final Object delegatedLock = new Object();
    private final Map<String, IamToken> delegated = new HashMap<>(); // guarded by delegatedLock

    /** A manager with {@link IamRetrySettings#DEFAULT} that really sleeps between retries. */
    public IamTokenManager(IamCredentials credentials, IamTokenClient client, Clock clock) {
        this(credentials, client, clock, IamRetrySettings.DEFAULT, duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * @param credentials API key and IAM URL (the service instance id is not used here)
     * @param client      the HTTP call to IAM
     * @param clock       decides expiry and refresh points
     * @param settings    retry and timeout settings
     * @param sleeper     waits between retries (tests pass a recorder so they run instantly)
     */
    public IamTokenManager(IamCredentials credentials, IamTokenClient client, Clock clock,
                           IamRetrySettings settings, Sleeper sleeper) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * A valid access token, fetching or refreshing as needed.
     *
     * @throws IamAuthenticationException when no valid token can be obtained
     */
    public String accessToken() {
        Instant now = clock.instant();
        IamToken current = token;
        if (current != null && !current.needsRefresh(now)) {
            return current.accessToken();
        }
        if (current != null && !current.isExpired(now)) {
            return refreshInWindow(current, now).accessToken();
        }
        return awaitFreshToken().accessToken();
    }

    /**
     * Forgets the cached token if it is still {@code rejectedToken} (COS answered 401 with it), so the next
     * {@link #accessToken()} fetches a new one. Comparing first means a late 401 for an old token cannot
     * throw away a token that another thread has just fetched.
     */
    public void invalidate(String rejectedToken) {
        synchronized (lock) {
            IamToken current = token;
            if (current != null && current.accessToken().equals(rejectedToken)) {
                token = null;
                refreshNotBefore = Instant.MIN;
            }
        }
    }

    /** The cached token, or null; for diagnostics and tests. */
    public IamToken currentToken() {
        return token;
    }

    /**
     * A delegated refresh token for another IAM client (Aspera uses {@code aspera_ats}), cached per receiver
     * for {@link #DELEGATED_TOKEN_VALIDITY} and replaced once 80 % of that has passed (before it expires). Sent
     * without the {@code bx:bx} Basic header, as IBM's Java SDK does. Concurrent callers wait for one request.
     */
    public String delegatedRefreshToken(String receiverClientId) {
        Objects.requireNonNull(receiverClientId, "receiverClientId");
        synchronized (delegatedLock) {
            Instant now = clock.instant();
            IamToken cached = delegated.get(receiverClientId);
            if (cached != null && !cached.needsRefresh(now)) {
                return cached.accessToken();
            }
            String form = "grant_type=" + form(APIKEY_GRANT) + "&apikey=" + form(credentials.apiKey())
                    + "&response_type=delegated_refresh_token&receiver_client_ids=" + form(receiverClientId);
            IamHttpResponse response = postWithRetries(form, false);
            String value = IamResponses.field(response, "delegated_refresh_token");
            Instant expiresAt = now.plus(DELEGATED_TOKEN_VALIDITY);
            Instant refreshAt = now.plus(DELEGATED_TOKEN_VALIDITY.multipliedBy(4).dividedBy(5));
            delegated.put(receiverClientId, new IamToken(value, expiresAt, refreshAt));
            return value;
        }
    }

    /**
     * Forgets the cached delegated token of {@code receiverClientId} if it is still {@code rejectedToken} (the
     * receiver refused it), so the next {@link #delegatedRefreshToken} fetches a new one.
     */
    public void invalidateDelegatedRefreshToken(String receiverClientId, String rejectedToken) {
        synchronized (delegatedLock) {
            IamToken cached = delegated.get(receiverClientId);
            if (cached != null && cached.accessToken().equals(rejectedToken)) {
                delegated.remove(receiverClientId);
            }
        }
    }

    /** The IAM URL this manager uses. */
    public URI iamEndpoint() {
        return credentials.iamEndpoint();
    }

    @Override
    public String toString() {
        IamToken t = token;
        return "IamTokenManager[iamEndpoint=" + credentials.iamEndpoint()
                + ", token=" + (t == null ? "none" : "expires " + t.expiresAt()) + "]";
    }

    /** In the refresh window: one caller refreshes, everyone else returns the current token at once. */
    private IamToken refreshInWindow(IamToken current, Instant now) {
        CompletableFuture<IamToken> mine;
        synchronized (lock) {
            if (token != current || inFlight != null || now.isBefore(refreshNotBefore)) {
                IamToken latest = token;
                return latest != null && !latest.isExpired(now) ? latest : current;
            }
            mine = new CompletableFuture<>();
            inFlight = mine;
        }
        try {
            return fetchInto(mine);
        } catch (IamAuthenticationException e) {
            synchronized (lock) {
                refreshNotBefore = clock.instant().plus(settings.refreshFailureBackoff());
            }
            LOG.log(System.Logger.Level.WARNING, "IAM token refresh at {0} failed ({1}); keeping the current "
                    + "token, valid until {2}", credentials.iamEndpoint(), e.getMessage(), current.expiresAt());
            return current;
        }
    }

    /** No valid token: join the in-flight request or start one, and wait for it. */
    private IamToken awaitFreshToken() {
        CompletableFuture<IamToken> future;
        boolean owner = false;
        synchronized (lock) {
            IamToken current = token;
            if (current != null && !current.isExpired(clock.instant())) {
                return current;
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                owner = true;
            }
            future = inFlight;
        }
        if (owner) {
            return fetchInto(future);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IamAuthenticationException("Interrupted while waiting for an IAM token", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IamAuthenticationException iam) {
                throw iam; // the owner's exception, so every caller sees IAM's status and code
            }
            throw new IamAuthenticationException("IAM token request failed", cause);
        }
    }

    /** Runs the fetch for the owner of {@code future}, publishes the result and wakes the waiters. */
    private IamToken fetchInto(CompletableFuture<IamToken> future) {
        try {
            IamToken fresh = fetch();
            synchronized (lock) {
                token = fresh;
                refreshNotBefore = Instant.MIN;
                inFlight = null;
            }
            future.complete(fresh);
            return fresh;
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                inFlight = null;
            }
            future.completeExceptionally(e);
            throw e;
        }
    }

    private IamToken fetch() {
        String form = "grant_type=" + form(APIKEY_GRANT) + "&apikey=" + form(credentials.apiKey())
                + "&response_type=cloud_iam";
        IamHttpResponse response = postWithRetries(form, true);
        IamToken fresh = IamResponses.token(response, "access_token", clock.instant());
        LOG.log(System.Logger.Level.DEBUG, "Obtained IAM token from {0}, expires {1}",
                credentials.iamEndpoint(), fresh.expiresAt());
        return fresh;
    }

    /** POSTs the form, retrying I/O errors, 429 and 5xx; returns a 2xx answer or throws. */
    private IamHttpResponse postWithRetries(String form, boolean basicAuth) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Accept", "application/json");
        headers.put("Cache-Control", "no-cache");
        if (basicAuth) {
            headers.put("Authorization", "Basic Yng6Yng="); // the public client pair bx:bx, as IBM's SDKs send
        }
        IamAuthenticationException last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                backoff(attempt - 1);
            }
            IamHttpResponse response;
            try {
                response = client.post(credentials.iamEndpoint(), headers, form, settings.requestTimeout());
            } catch (InterruptedIOException e) {
                throw new IamAuthenticationException("Interrupted while calling IAM at " + credentials.iamEndpoint(), e);
            } catch (IOException e) {
                last = new IamAuthenticationException("IAM at " + credentials.iamEndpoint() + " unreachable after "
                        + attempt + " attempt(s): " + e, e);
                continue;
            }
            int status = response.status();
            if (status >= 200 && status < 300) {
                return response;
            }
            last = IamResponses.error(response);
            if (status != 429 && status < 500) {
                throw last; // 400/401/403/404...: retrying cannot help and may lock the key
            }
        }
        throw last;
    }

    /** Full jitter: a uniform random sleep in [0, min(cap, base * 2^retry)). */
    private void backoff(int retry) {
        long capMillis = settings.maxDelay().toMillis();
        long exp = settings.baseDelay().toMillis() << Math.min(retry - 1, 20);
        long bound = Math.max(1, Math.min(capMillis, exp));
        try {
            sleeper.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IamAuthenticationException("Interrupted while backing off before retrying IAM", e);
        }
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
