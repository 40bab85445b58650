package io.ibmcos.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.client.error.IamAuthenticationException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IamTokenManagerTest {

    private static final String API_KEY = "s3cr3t-api+key/=&";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final StubIamClient iam = new StubIamClient();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final IamCredentials credentials =
            new IamCredentials(API_KEY, "instance-1", URI.create("https://iam.example.test/identity/token"));
    private final IamTokenManager manager =
            new IamTokenManager(credentials, iam, clock, IamRetrySettings.DEFAULT, sleeps::add);
    private ExecutorService pool;

    @AfterEach
    void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void firstCallFetchesWithTheApiKeyGrant() {
        assertThat(manager.accessToken()).isEqualTo("token-1");

        StubIamClient.Call call = iam.received.get(0);
        assertThat(call.url()).isEqualTo(URI.create("https://iam.example.test/identity/token"));
        assertThat(call.form()).isEqualTo("grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey"
                + "&apikey=s3cr3t-api%2Bkey%2F%3D%26&response_type=cloud_iam");
        assertThat(call.headers()).containsEntry("Content-Type", "application/x-www-form-urlencoded")
                .containsEntry("Accept", "application/json")
                .containsEntry("Authorization", "Basic Yng6Yng=")
                .containsEntry("Cache-Control", "no-cache");
        IamToken token = manager.currentToken();
        assertThat(token.expiresAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(token.refreshAt()).isEqualTo(T0.plusSeconds(2880));
    }

    @Test
    void cachedUntilTheRefreshPointThenRefreshedWithTheApiKeyGrantAgain() {
        manager.accessToken();
        clock.advance(Duration.ofSeconds(2879));
        assertThat(manager.accessToken()).isEqualTo("token-1");
        assertThat(iam.calls()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1)); // exactly 80 % of 3600 s
        assertThat(manager.accessToken()).isEqualTo("token-2");
        assertThat(iam.calls()).isEqualTo(2);
        assertThat(iam.received).allSatisfy(c -> assertThat(c.form())
                .contains("grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey")
                .doesNotContain("refresh_token"));
    }

    @Test
    void expiredTokenIsFetchedAgainBeforeReturning() {
        manager.accessToken();
        clock.advance(Duration.ofHours(2));
        assertThat(manager.accessToken()).isEqualTo("token-2");
    }

    @Test
    void lifetimeComesFromExpirationWhenPresentAndNumbersMayBeStrings() {
        long expiration = T0.getEpochSecond() + 1000;
        iam.thenStatus(200, "{\"access_token\":\"jwt\",\"expires_in\":\"3600\",\"expiration\":\"" + expiration + "\"}");

        manager.accessToken();

        assertThat(manager.currentToken().expiresAt()).isEqualTo(T0.plusSeconds(1000));
        assertThat(manager.currentToken().refreshAt()).isEqualTo(T0.plusSeconds(800));
    }

    @Test
    void expirationInThePastByOurClockFallsBackToExpiresIn() {
        iam.thenStatus(200, "{\"access_token\":\"jwt\",\"expires_in\":3600,\"expiration\":"
                + (T0.getEpochSecond() - 10) + "}");
        manager.accessToken();
        assertThat(manager.currentToken().expiresAt()).isEqualTo(T0.plusSeconds(3600));
    }

    @Test
    void hundredConcurrentCallersWithoutTokenCauseOneIamCall() throws Exception {
        iam.then(n -> {
            sleepQuietly(200); // keep the request in flight while the others arrive
            return StubIamClient.token("shared", 3600);
        });
        int callers = 100;
        pool = Executors.newFixedThreadPool(callers);
        CyclicBarrier start = new CyclicBarrier(callers);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return manager.accessToken();
            }));
        }
        Set<String> tokens = ConcurrentHashMap.newKeySet();
        for (Future<String> f : results) {
            tokens.add(f.get(30, TimeUnit.SECONDS));
        }
        assertThat(tokens).containsExactly("shared");
        assertThat(iam.calls()).isEqualTo(1);
    }

    @Test
    void concurrentWaitersAllSeeTheFailureOfTheSingleCall() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        iam.then(n -> {
            inFlight.countDown();
            awaitQuietly(release);
            return new IamHttpResponse(400, "{\"errorCode\":\"BXNIM0415E\",\"errorMessage\":\"Provided API key could not be found\"}");
        });
        // Should the waiter arrive only after the failure, it makes its own call, which fails the same way.
        iam.thenStatus(400, "{\"errorCode\":\"BXNIM0415E\"}");
        pool = Executors.newFixedThreadPool(2);
        Future<String> owner = pool.submit(manager::accessToken);
        inFlight.await(30, TimeUnit.SECONDS);
        Future<String> waiter = pool.submit(manager::accessToken);
        release.countDown();

        for (Future<String> f : List.of(owner, waiter)) {
            assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS))
                    .cause().isInstanceOf(IamAuthenticationException.class).hasMessageContaining("BXNIM0415E");
        }
        // The waiter either joined the failed request or (if it came late) made its own, also failing.
        assertThat(iam.calls()).isBetween(1, 2);
    }

    @Test
    void inWindowRefreshByOneCallerDoesNotBlockTheOthers() throws Exception {
        manager.accessToken();
        clock.advance(Duration.ofSeconds(3000)); // in the refresh window, token-1 still valid
        CountDownLatch refreshing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        iam.then(n -> {
            refreshing.countDown();
            awaitQuietly(release);
            return StubIamClient.token("token-new", 3600);
        });
        pool = Executors.newFixedThreadPool(2);
        Future<String> refresher = pool.submit(manager::accessToken);
        assertThat(refreshing.await(30, TimeUnit.SECONDS)).isTrue();

        // While the refresh is stuck inside IAM, others get the current token (a blocked call would hang here).
        Future<String> other = pool.submit(manager::accessToken);
        assertThat(other.get(30, TimeUnit.SECONDS)).isEqualTo("token-1");
        assertThat(iam.calls()).isEqualTo(2);

        release.countDown();
        assertThat(refresher.get(30, TimeUnit.SECONDS)).isEqualTo("token-new");
        assertThat(manager.accessToken()).isEqualTo("token-new");
        assertThat(iam.calls()).isEqualTo(2);
    }

    @Test
    void failedInWindowRefreshKeepsTheOldTokenAndRetriesAfterABackoff() {
        manager.accessToken();
        clock.advance(Duration.ofSeconds(3000));
        iam.thenStatus(500, "{}").thenStatus(500, "{}").thenStatus(500, "{}");

        assertThat(manager.accessToken()).isEqualTo("token-1");
        assertThat(iam.calls()).isEqualTo(4); // 1 + 3 attempts
        assertThat(manager.accessToken()).isEqualTo("token-1");
        assertThat(iam.calls()).isEqualTo(4); // within the back-off: no new attempt

        clock.advance(IamRetrySettings.DEFAULT.refreshFailureBackoff());
        assertThat(manager.accessToken()).isEqualTo("token-5");
    }

    @Test
    void clientErrorsAreNotRetried() {
        iam.thenStatus(400, "{\"context\":{\"requestId\":\"r1\"},\"errorCode\":\"BXNIM0415E\","
                + "\"errorMessage\":\"Provided API key could not be found\"}");

        assertThatThrownBy(manager::accessToken)
                .isInstanceOfSatisfying(IamAuthenticationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("BXNIM0415E");
                    assertThat(e.getMessage()).contains("Provided API key could not be found").doesNotContain(API_KEY);
                });
        assertThat(iam.calls()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void unauthorizedForbiddenAndNotFoundAreNotRetriedEither() {
        for (int status : new int[] {401, 403, 404}) {
            StubIamClient stub = new StubIamClient().thenStatus(status, "not json");
            IamTokenManager m = new IamTokenManager(credentials, stub, clock, IamRetrySettings.DEFAULT, sleeps::add);
            assertThatThrownBy(m::accessToken).isInstanceOfSatisfying(IamAuthenticationException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(status));
            assertThat(stub.calls()).isEqualTo(1);
        }
    }

    @Test
    void serverErrorsThrottlingAndIoErrorsAreRetriedWithCappedJitter() {
        iam.thenStatus(503, "").thenStatus(429, "{\"errorCode\":\"BXNIM0999E\"}");
        assertThat(manager.accessToken()).isEqualTo("token-3");
        assertThat(iam.calls()).isEqualTo(3);
        assertThat(sleeps).hasSize(2).allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(5)));

        StubIamClient flaky = new StubIamClient().thenIoError();
        IamTokenManager m = new IamTokenManager(credentials, flaky, clock, IamRetrySettings.DEFAULT, sleeps::add);
        assertThat(m.accessToken()).isEqualTo("token-2");
    }

    @Test
    void giveUpAfterTheConfiguredAttempts() {
        iam.thenIoError().thenIoError().thenIoError();
        assertThatThrownBy(manager::accessToken).isInstanceOf(IamAuthenticationException.class)
                .hasMessageContaining("unreachable after 3 attempt(s)").hasMessageNotContaining(API_KEY);
        assertThat(iam.calls()).isEqualTo(3);

        StubIamClient busy = new StubIamClient().thenStatus(503, "").thenStatus(503, "").thenStatus(503, "");
        IamTokenManager m = new IamTokenManager(credentials, busy, clock, IamRetrySettings.DEFAULT, sleeps::add);
        assertThatThrownBy(m::accessToken).isInstanceOfSatisfying(IamAuthenticationException.class,
                e -> assertThat(e.statusCode()).isEqualTo(503));
        assertThat(busy.calls()).isEqualTo(3);
    }

    @Test
    void okWithoutAccessTokenIsAnAuthenticationError() {
        iam.thenStatus(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600}");
        assertThatThrownBy(manager::accessToken).isInstanceOf(IamAuthenticationException.class)
                .hasMessageContaining("access_token");
        assertThat(iam.calls()).isEqualTo(1);
    }

    @Test
    void invalidateDropsOnlyTheRejectedToken() {
        String first = manager.accessToken();
        manager.invalidate(first);
        assertThat(manager.currentToken()).isNull();
        assertThat(manager.accessToken()).isEqualTo("token-2");

        manager.invalidate(first); // a late 401 for the old token
        assertThat(manager.accessToken()).isEqualTo("token-2");
        assertThat(iam.calls()).isEqualTo(2);
    }

    @Test
    void delegatedRefreshTokenIsFetchedWithoutBasicAuthAndRefreshedBeforeItsSixDaysEnd() {
        iam.thenStatus(200, "{\"delegated_refresh_token\":\"drt-1\",\"expires_in\":3600}")
                .thenStatus(200, "{\"delegated_refresh_token\":\"drt-2\"}");

        assertThat(manager.delegatedRefreshToken("aspera_ats")).isEqualTo("drt-1");
        Duration refreshPoint = Duration.ofDays(6).multipliedBy(4).dividedBy(5);
        clock.advance(refreshPoint.minusSeconds(1));
        assertThat(manager.delegatedRefreshToken("aspera_ats")).isEqualTo("drt-1");
        assertThat(iam.calls()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1)); // 80 % of the six days: replaced while still valid
        assertThat(manager.delegatedRefreshToken("aspera_ats")).isEqualTo("drt-2");

        StubIamClient.Call call = iam.received.get(0);
        assertThat(call.form()).contains("response_type=delegated_refresh_token", "receiver_client_ids=aspera_ats",
                "apikey=s3cr3t-api%2Bkey%2F%3D%26");
        assertThat(call.headers()).doesNotContainKey("Authorization");
        assertThat(manager.currentToken()).isNull(); // separate from the bearer token
    }

    @Test
    void invalidatingTheRejectedDelegatedTokenFetchesANewOneButALateRejectionKeepsTheNewer() {
        iam.thenStatus(200, "{\"delegated_refresh_token\":\"drt-1\"}")
                .thenStatus(200, "{\"delegated_refresh_token\":\"drt-2\"}");

        assertThat(manager.delegatedRefreshToken("aspera_ats")).isEqualTo("drt-1");
        manager.invalidateDelegatedRefreshToken("aspera_ats", "drt-1");
        assertThat(manager.delegatedRefreshToken("aspera_ats")).isEqualTo("drt-2");
        manager.invalidateDelegatedRefreshToken("aspera_ats", "drt-1"); // late rejection of the old one
        assertThat(manager.delegatedRefreshToken("aspera_ats")).isEqualTo("drt-2");
        assertThat(iam.calls()).isEqualTo(2);
    }

    @Test
    void toStringsRevealNoSecrets() {
        manager.accessToken();
        for (Object o : List.of(credentials, manager.currentToken(), manager, new IamHttpResponse(200, "token-1"))) {
            assertThat(o.toString()).doesNotContain(API_KEY).doesNotContain("token-1");
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
