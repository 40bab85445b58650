package io.ibmcos.camel.support;

import io.ibmcos.client.CosClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps a {@link CosClient} so a test can replace the outcome of chosen calls: throw a fault, or return an altered
 * result (for example a listing page truncated without a continuation token). Calls without an interceptor go
 * straight to the delegate.
 */
public final class InterceptingCosClient {

    /** Decides one call: {@code proceed.call()} runs the real one. */
    public interface Interceptor {
        Object intercept(Object[] args, Proceed proceed) throws Throwable;
    }

    public interface Proceed {
        Object call() throws Throwable;
    }

    private final Map<String, Interceptor> interceptors = new ConcurrentHashMap<>();
    private final CosClient proxy;

    public InterceptingCosClient(CosClient delegate) {
        proxy = (CosClient) Proxy.newProxyInstance(CosClient.class.getClassLoader(), new Class<?>[] { CosClient.class },
                (p, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "toString" -> "InterceptingCosClient[" + delegate + "]";
                            case "hashCode" -> System.identityHashCode(p);
                            case "equals" -> p == args[0];
                            default -> throw new UnsupportedOperationException(method.getName());
                        };
                    }
                    Proceed real = () -> {
                        try {
                            return method.invoke(delegate, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    };
                    Interceptor i = interceptors.get(method.getName());
                    return i == null ? real.call() : i.intercept(args, real);
                });
    }

    public CosClient client() {
        return proxy;
    }

    /** Intercepts every call of that method (by name) until {@link #clear}. */
    public void on(String method, Interceptor interceptor) {
        interceptors.put(method, interceptor);
    }

    public void clear(String method) {
        interceptors.remove(method);
    }
}
