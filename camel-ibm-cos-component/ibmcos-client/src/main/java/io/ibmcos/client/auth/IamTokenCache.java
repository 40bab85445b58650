package io.ibmcos.client.auth;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link IamTokenManager} per (API key, IAM URL), so every endpoint of a Camel component that uses the
 * same key shares its tokens instead of each fetching its own. Instance-scoped (no static state): two
 * components, or two IAM URLs, never interfere. Thread-safe.
 */
public final class IamTokenCache implements AutoCloseable {

    private final IamTokenClient client;
    private final Clock clock;
    private final IamRetrySettings settings;
    private final IamTokenManager.Sleeper sleeper;
    private final Map<Key, IamTokenManager> managers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** A cache using {@link JdkIamTokenClient} and the UTC system clock. */
    public IamTokenCache() {
        this(new JdkIamTokenClient(), Clock.systemUTC());
    }

    /** A cache whose managers use {@link IamRetrySettings#DEFAULT}. */
    public IamTokenCache(IamTokenClient client, Clock clock) {
        this(client, clock, IamRetrySettings.DEFAULT, duration -> Thread.sleep(duration.toMillis()));
    }

    /** A cache whose managers use the given retry settings and sleeper (see {@link IamTokenManager}). */
    public IamTokenCache(IamTokenClient client, Clock clock, IamRetrySettings settings,
                         IamTokenManager.Sleeper sleeper) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The shared manager for these credentials' API key and IAM URL (the service instance id is not part of the key). */
    public IamTokenManager manager(IamCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        if (closed) {
            throw new IllegalStateException("IamTokenCache is closed");
        }
        return managers.computeIfAbsent(new Key(credentials.apiKey(), credentials.iamEndpoint()),
                key -> new IamTokenManager(credentials, client, clock, settings, sleeper));
    }

    /** Number of distinct (API key, IAM URL) pairs seen. */
    public int size() {
        return managers.size();
    }

    /** Drops every cached manager; later {@link #manager} calls fail. */
    @Override
    public void close() {
        closed = true;
        managers.clear();
    }

    @Override
    public String toString() {
        return "IamTokenCache[managers=" + managers.size() + (closed ? ", closed" : "") + "]";
    }

    /** Map key; its toString must not print the API key. */
    private record Key(String apiKey, URI iamEndpoint) {
        @Override
        public String toString() {
            return "Key[apiKey=****, iamEndpoint=" + iamEndpoint + "]";
        }
    }
}
