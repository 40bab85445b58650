package io.ibmcos.camel.producer;

import io.ibmcos.camel.IbmCosConfiguration;
import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.camel.IbmCosOperation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConversionException;

/**
 * The one place that decides a per-message value: the header if set, else the endpoint option, else the default.
 * Failures name both the header and the option ("set header CamelIbmCosKey or option keyName"), so the user knows
 * the two ways to fix a route, and they happen before any request is sent.
 */
public final class OptionResolver {

    private final Exchange exchange;
    private final IbmCosConfiguration config;
    private final IbmCosOperation operation;
    private final HeaderPolicy policy;

    public OptionResolver(Exchange exchange, IbmCosConfiguration config, IbmCosOperation operation) {
        this(exchange, config, operation, new HeaderPolicy(config));
    }

    public OptionResolver(Exchange exchange, IbmCosConfiguration config, IbmCosOperation operation,
                          HeaderPolicy policy) {
        this.exchange = exchange;
        this.config = config;
        this.operation = operation;
        this.policy = policy;
    }

    public Exchange exchange() {
        return exchange;
    }

    public Message message() {
        return exchange.getMessage();
    }

    public IbmCosConfiguration config() {
        return config;
    }

    public IbmCosOperation operation() {
        return operation;
    }

    /** The bucket: the endpoint's, or header CamelIbmCosBucketName when allowBucketOverride=true. */
    public String bucket() {
        return InputChecks.bucket(policy.bucket(exchange),
                "header " + IbmCosConstants.BUCKET_NAME + " or the endpoint's bucketName");
    }

    /** The copy destination bucket: header CamelIbmCosDestinationBucketName when allowed, else {@code fallback}. */
    public String destinationBucket(String fallback) {
        return InputChecks.bucket(policy.destinationBucket(exchange, fallback),
                "header " + IbmCosConstants.DESTINATION_BUCKET_NAME + " or the endpoint's bucketName");
    }

    /** The object key: header CamelIbmCosKey, else option keyName; required and checked. */
    public String key() {
        return InputChecks.key(required(IbmCosConstants.KEY, "keyName", String.class, config.getKeyName()),
                "header " + IbmCosConstants.KEY + " or option keyName");
    }

    /** The header converted to {@code type}, or null when absent. A value that does not convert fails, naming the header. */
    public <T> T header(String name, Class<T> type) {
        Object value = message().getHeader(name);
        if (value == null) {
            return null;
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        try {
            return exchange.getContext().getTypeConverter().mandatoryConvertTo(type, exchange, value);
        } catch (NoTypeConversionAvailableException | TypeConversionException e) {
            throw new IllegalArgumentException("Header " + name + " must be a " + type.getSimpleName() + ", but was a "
                    + value.getClass().getSimpleName() + " that does not convert: " + value, e);
        }
    }

    /** Header, else the option value (which may be the default). */
    public <T> T orElse(String header, Class<T> type, T optionValue) {
        T value = header(header, type);
        return value != null ? value : optionValue;
    }

    /** Header, else the option value; fails naming both when neither is set. */
    public <T> T required(String header, String option, Class<T> type, T optionValue) {
        T value = orElse(header, type, optionValue);
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException(operation + " needs a value: set header " + header + " or option "
                    + option);
        }
        return value;
    }

    /** A value only headers can give; fails naming the header when absent. */
    public <T> T requiredHeader(String header, Class<T> type) {
        T value = header(header, type);
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException(operation + " needs header " + header);
        }
        return value;
    }

    /** A date header: an Instant, a java.util.Date, epoch milliseconds or an ISO-8601 string. */
    public Instant instant(String header) {
        Object value = message().getHeader(header);
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        try {
            return Instant.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Header " + header + " must be an Instant, a Date or an ISO-8601 "
                    + "date such as 2030-01-31T00:00:00Z, but was: " + value, e);
        }
    }
}
