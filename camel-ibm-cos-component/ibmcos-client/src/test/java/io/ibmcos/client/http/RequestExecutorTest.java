package io.ibmcos.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.client.RetryPolicy;
import io.ibmcos.client.error.CosClientException;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.http.StubTransport.Answer;
import io.ibmcos.client.model.Payload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestExecutorTest {

    private final List<Long> sleeps = new ArrayList<>();

    private RequestExecutor executor(StubTransport transport, Authenticator auth, int maxConnections) {
        return new RequestExecutor(transport, new CosUris(URI.create("http://cos.test:9000"), true), auth,
                RetryPolicy.DEFAULT, null, maxConnections, Clock.systemUTC(), sleeps::add, "test");
    }

    private static final Authenticator NO_AUTH = (r, h, p, headers) -> headers.put("Authorization", "none");

    private static CosRequest get() {
        return CosRequest.builder("GET").operation("GetObject").bucket("b").key("k").build();
    }

    private static final String SLOW_DOWN = "<Error><Code>SlowDown</Code><Message>Reduce your request rate</Message>"
            + "<httpStatusCode>503</httpStatusCode></Error>";

    @Test
    void retriesServerErrorsAndThrottlingThenSucceeds() {
        StubTransport t = StubTransport.sequence(Answer.xml(503, SLOW_DOWN), Answer.status(500), Answer.ok());
        try (TransportResponse r = executor(t, NO_AUTH, 4).execute(get())) {
            assertThat(r.status()).isEqualTo(200);
        }
        assertThat(t.sent()).hasSize(3);
        assertThat(sleeps).hasSize(2);
        // the throttled retry may wait up to the 1 s throttled base; the 500 retry at most 200 ms (100 ms × 2)
        assertThat(sleeps.get(0)).isBetween(0L, 1000L);
        assertThat(sleeps.get(1)).isBetween(0L, 200L);
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheServiceError() {
        StubTransport t = StubTransport.sequence(Answer.xml(503, SLOW_DOWN));
        assertThatThrownBy(() -> executor(t, NO_AUTH, 4).execute(get()))
                .isInstanceOfSatisfying(CosServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.errorCode()).isEqualTo("SlowDown");
                });
        assertThat(t.sent()).hasSize(3);
    }

    @Test
    void neverRetriesClientErrors() {
        for (int status : new int[] {400, 403, 404, 409, 412}) {
            StubTransport t = StubTransport.sequence(Answer.xml(status,
                    "<Error><Code>X" + status + "</Code><Message>m</Message></Error>"));
            assertThatThrownBy(() -> executor(t, NO_AUTH, 4).execute(get()))
                    .isInstanceOfSatisfying(CosServiceException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("X" + status));
            assertThat(t.sent()).as("status %d", status).hasSize(1);
        }
    }

    @Test
    void retriesIoErrorsOfReplayableRequestsOnly() {
        StubTransport t = StubTransport.sequence(Answer.fail(new IOException("connection reset")), Answer.ok());
        executor(t, NO_AUTH, 4).execute(get()).close();
        assertThat(t.sent()).hasSize(2);

        StubTransport once = StubTransport.sequence(Answer.fail(new IOException("connection reset")), Answer.ok());
        CosRequest stream = CosRequest.builder("PUT").operation("PutObject").bucket("b").key("k")
                .payload(Payload.ofStream(new ByteArrayInputStream(new byte[10]), 10)).build();
        assertThatThrownBy(() -> executor(once, NO_AUTH, 4).execute(stream))
                .isInstanceOf(CosClientException.class).hasMessageContaining("connection reset");
        assertThat(once.sent()).hasSize(1);
    }

    @Test
    void unauthorizedRefreshesCredentialsExactlyOnce() {
        AtomicInteger refreshes = new AtomicInteger();
        Authenticator iam = new Authenticator() {
            @Override
            public void authenticate(CosRequest r, String host, String path, Map<String, String> headers) {
                headers.put("Authorization", "Bearer token-" + refreshes.get());
            }

            @Override
            public boolean refreshAfterUnauthorized(Map<String, String> sent) {
                refreshes.incrementAndGet();
                return true;
            }
        };
        StubTransport t = StubTransport.sequence(Answer.status(401), Answer.ok());
        executor(t, iam, 4).execute(get()).close();
        assertThat(t.sent()).extracting(s -> s.header("Authorization")).containsExactly("Bearer token-0", "Bearer token-1");

        StubTransport always = StubTransport.sequence(Answer.status(401));
        assertThatThrownBy(() -> executor(always, iam, 4).execute(get()))
                .isInstanceOfSatisfying(CosServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
        assertThat(always.sent()).hasSize(2);
    }

    @Test
    void headErrorsGetSyntheticCodes() {
        StubTransport t = StubTransport.sequence(Answer.status(404));
        CosRequest headObject = CosRequest.builder("HEAD").operation("HeadObject").bucket("b").key("k").build();
        assertThatThrownBy(() -> executor(t, NO_AUTH, 4).execute(headObject))
                .isInstanceOfSatisfying(CosServiceException.class, e -> assertThat(e.errorCode()).isEqualTo("NoSuchKey"));
        CosRequest headBucket = CosRequest.builder("HEAD").operation("HeadBucket").bucket("b").build();
        assertThatThrownBy(() -> executor(t, NO_AUTH, 4).execute(headBucket))
                .isInstanceOfSatisfying(CosServiceException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("NoSuchBucket"));
    }

    @Test
    void openResponsesAreCountedUntilClosedAndLimitConcurrency() throws Exception {
        StubTransport t = StubTransport.sequence(Answer.ok());
        RequestExecutor executor = executor(t, NO_AUTH, 1);
        TransportResponse first = executor.execute(get());
        assertThat(executor.openResponses()).isEqualTo(1);

        Thread second = new Thread(() -> executor.execute(get()).close());
        second.start();
        // the only slot is held by the open response: the second call must wait for it
        while (second.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        assertThat(t.sent()).hasSize(1);
        first.close();
        second.join();
        assertThat(t.sent()).hasSize(2);
        assertThat(executor.openResponses()).isZero();
    }

    @Test
    void requestsAreAddressedPathStyleWithEncodedKeysAndQuery() {
        StubTransport t = StubTransport.sequence(Answer.ok());
        executor(t, NO_AUTH, 4).execute(CosRequest.builder("GET").operation("X").bucket("b").key("a b/c+d")
                .flag("legalHold").query("add", "id 1").build()).close();
        assertThat(t.last().uri().toString()).isEqualTo("http://cos.test:9000/b/a%20b/c%2Bd?legalHold&add=id%201");
    }
}
