package io.ibmcos.client.auth;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Scripted IAM: each call takes the next step; when the script runs out, it issues numbered tokens. */
final class StubIamClient implements IamTokenClient {

    /** One scripted answer. */
    @FunctionalInterface
    interface Step {
        IamHttpResponse answer(int callNumber) throws IOException;
    }

    record Call(URI url, Map<String, String> headers, String form) {
    }

    private final ConcurrentLinkedQueue<Step> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger calls = new AtomicInteger();
    final List<Call> received = new CopyOnWriteArrayList<>();
    volatile long expiresIn = 3600;

    StubIamClient then(Step step) {
        script.add(step);
        return this;
    }

    StubIamClient thenStatus(int status, String body) {
        return then(n -> new IamHttpResponse(status, body));
    }

    StubIamClient thenIoError() {
        return then(n -> {
            throw new IOException("connection reset");
        });
    }

    int calls() {
        return calls.get();
    }

    static IamHttpResponse token(String accessToken, long expiresIn) {
        return new IamHttpResponse(200, "{\"access_token\":\"" + accessToken + "\",\"refresh_token\":\"not_supported\","
                + "\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}");
    }

    @Override
    public IamHttpResponse post(URI url, Map<String, String> headers, String formBody, Duration timeout)
            throws IOException {
        int n = calls.incrementAndGet();
        received.add(new Call(url, Map.copyOf(headers), formBody));
        Step step = script.poll();
        return step != null ? step.answer(n) : token("token-" + n, expiresIn);
    }
}
