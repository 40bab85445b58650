package io.ibmcos.camel.support;

import io.ibmcos.client.CosClient;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wraps a {@link CosClient} and records every call with its arguments (the request records), so a test can prove
 * that an option reached the request the client was given. A dynamic proxy: it stays correct when the interface grows.
 */
public final class RecordingCosClient {

    /** One call: the method name and its arguments. */
    public record Call(String method, List<Object> args) {
        public Object arg(int i) {
            return args.get(i);
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final CosClient proxy;

    public RecordingCosClient(CosClient delegate) {
        InvocationHandler handler = (p, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "RecordingCosClient[" + delegate + "]";
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            calls.add(new Call(method.getName(), args == null ? List.of() : Arrays.asList(args)));
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        proxy = (CosClient) Proxy.newProxyInstance(CosClient.class.getClassLoader(), new Class<?>[] { CosClient.class },
                handler);
    }

    public CosClient client() {
        return proxy;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The last call of that method; fails when there was none. */
    public Call last(String method) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).method().equals(method)) {
                return calls.get(i);
            }
        }
        throw new AssertionError("No call to " + method + "; calls were " + calls.stream().map(Call::method).toList());
    }

    public long count(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).count();
    }

    /** Calls other than close(). */
    public long requests() {
        return calls.stream().filter(c -> !c.method().equals("close")).count();
    }
}
