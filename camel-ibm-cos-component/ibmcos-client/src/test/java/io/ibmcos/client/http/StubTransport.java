package io.ibmcos.client.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A transport that answers from a script and records what was sent (method, URI, headers, body bytes), so tests
 * can assert on the exact wire form without a server.
 */
public final class StubTransport implements HttpTransport {

    /** One answer: status, headers, body; or an I/O failure. */
    public record Answer(int status, Map<String, String> headers, byte[] body, IOException failure) {

        public static Answer ok() {
            return new Answer(200, Map.of(), new byte[0], null);
        }

        public static Answer status(int status) {
            return new Answer(status, Map.of(), new byte[0], null);
        }

        public static Answer xml(int status, String xml) {
            return new Answer(status, Map.of("Content-Type", "application/xml"), xml.getBytes(StandardCharsets.UTF_8),
                    null);
        }

        public static Answer fail(IOException e) {
            return new Answer(0, Map.of(), null, e);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Answer(status, h, body, failure);
        }
    }

    /** What was sent. */
    public record Sent(String method, java.net.URI uri, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        public String bodyText() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Function<Sent, Answer> script;
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger closed = new AtomicInteger();

    public StubTransport(Function<Sent, Answer> script) {
        this.script = script;
    }

    /** Answers in order; the last answer repeats. */
    public static StubTransport sequence(Answer... answers) {
        AtomicInteger i = new AtomicInteger();
        return new StubTransport(s -> answers[Math.min(i.getAndIncrement(), answers.length - 1)]);
    }

    @Override
    public TransportResponse send(TransportRequest request) throws IOException {
        byte[] body = null;
        if (request.payload() != null) {
            try (InputStream in = request.payload().open()) {
                body = in.readAllBytes();
            }
        }
        Sent s = new Sent(request.method(), request.uri(), Map.copyOf(request.headers()), body);
        sent.add(s);
        Answer a = script.apply(s);
        if (a.failure() != null) {
            throw a.failure();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        a.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        return new TransportResponse(a.status(), headers, new ByteArrayInputStream(a.body()));
    }

    public List<Sent> sent() {
        return sent;
    }

    public Sent last() {
        return sent.get(sent.size() - 1);
    }

    @Override
    public void close() {
        closed.incrementAndGet();
    }

    public int closeCount() {
        return closed.get();
    }
}
