package io.ibmcos.camel.transform;

import io.ibmcos.camel.IbmCosConstants;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.cloudevents.CloudEvent;
import org.apache.camel.cloudevents.CloudEvents;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.DataTypeTransformer;
import org.apache.camel.spi.Transformer;

/**
 * Data type {@code ibmcos:application-cloudevents}: turns a message of the {@code ibmcos:} consumer (or the
 * {@code ibmcos-source} Kamelet) into a CloudEvent in Camel's binding, that is the {@code CamelCloudEvent*} headers
 * with the object's content as the event data. A CloudEvents-aware step after it ({@code http:application-cloudevents},
 * Knative) maps these headers to the wire.
 *
 * <ul>
 *   <li>id: {@code <key>@<etag>}, so a re-delivery of the same object version carries the same id (CloudEvents
 *       consumers de-duplicate on source + id); the exchange id when the message has no ETag;</li>
 *   <li>type: {@value #EVENT_TYPE}; source: {@code ibmcos.bucket.<bucket>}; subject: the key;</li>
 *   <li>time: the object's Last-Modified (when the change happened), else the exchange's creation time;</li>
 *   <li>data content type: the object's Content-Type, else {@code application/octet-stream}; also set as the
 *       message's {@code Content-Type}.</li>
 * </ul>
 *
 * Values already set on the message (for example an id chosen upstream) are kept, except type, source and subject,
 * which always describe the object. Only {@code camel-api} types are used, so the component needs no
 * {@code camel-cloudevents} dependency.
 */
@DataTypeTransformer(name = "ibmcos:application-cloudevents",
                     description = "Adds CloudEvent headers (id, type, source, subject, time, data content type) "
                                   + "describing the consumed IBM COS object")
public class IbmCosCloudEventDataTypeTransformer extends Transformer {

    /** The CloudEvent type of a consumed (new or changed) object. */
    public static final String EVENT_TYPE = "io.ibmcos.object.consumed";
    /** Prefix of the CloudEvent source; the bucket name follows. */
    public static final String SOURCE_PREFIX = "ibmcos.bucket.";
    static final String DEFAULT_DATA_CONTENT_TYPE = "application/octet-stream";

    @Override
    public void transform(Message message, DataType fromType, DataType toType) {
        CloudEvent spec = CloudEvents.v1_0;
        String key = message.getHeader(IbmCosConstants.KEY, String.class);
        String bucket = message.getHeader(IbmCosConstants.BUCKET_NAME, String.class);
        String eTag = message.getHeader(IbmCosConstants.E_TAG, String.class);
        String contentType = message.getHeader(IbmCosConstants.CONTENT_TYPE, String.class);
        String dataContentType = contentType != null && !contentType.isBlank() ? contentType
                : DEFAULT_DATA_CONTENT_TYPE;

        String id = key != null && eTag != null ? key + "@" + eTag : message.getExchange().getExchangeId();
        message.getHeaders().putIfAbsent(CloudEvent.CAMEL_CLOUD_EVENT_ID, id);
        message.getHeaders().putIfAbsent(CloudEvent.CAMEL_CLOUD_EVENT_VERSION, spec.version());
        message.setHeader(CloudEvent.CAMEL_CLOUD_EVENT_TYPE, EVENT_TYPE);
        if (bucket != null) {
            message.setHeader(CloudEvent.CAMEL_CLOUD_EVENT_SOURCE, SOURCE_PREFIX + bucket);
        }
        if (key != null) {
            message.setHeader(CloudEvent.CAMEL_CLOUD_EVENT_SUBJECT, key);
        }
        message.getHeaders().putIfAbsent(CloudEvent.CAMEL_CLOUD_EVENT_TIME, eventTime(message, spec));
        message.setHeader(CloudEvent.CAMEL_CLOUD_EVENT_DATA_CONTENT_TYPE, dataContentType);
        message.setHeader(Exchange.CONTENT_TYPE, dataContentType);
    }

    private static String eventTime(Message message, CloudEvent spec) {
        Object modified = message.getHeader(IbmCosConstants.LAST_MODIFIED);
        if (modified instanceof Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        if (modified instanceof Date date) {
            return DateTimeFormatter.ISO_INSTANT.format(date.toInstant());
        }
        return spec.getEventTime(message.getExchange());
    }
}
