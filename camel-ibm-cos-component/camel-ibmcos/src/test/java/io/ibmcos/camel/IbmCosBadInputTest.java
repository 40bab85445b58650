package io.ibmcos.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.camel.support.IbmCosTestSupport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, one row per option or header: the exchange (or the endpoint) fails with a message naming the option or
 * header, and the client receives no call at all (the recording client sees nothing), so no HTTP request is sent.
 */
class IbmCosBadInputTest extends IbmCosTestSupport {

    private static final String COS = "ibmcos:" + BUCKET;
    private static final String LONG_KEY = "k".repeat(1025);

    static Stream<Arguments> rows() {
        return Stream.of(
                // bucket names: endpoint path and header
                row("bucketName too short", "ibmcos:ab?keyName=k", Map.of(), "bucketName"),
                row("bucketName uppercase", "ibmcos:Bad_Bucket?keyName=k", Map.of(), "bucketName"),
                row("bucketName like an IP", "ibmcos:192.168.1.1?keyName=k", Map.of(), "bucketName"),
                row("bucket header invalid", COS + "?keyName=k&allowBucketOverride=true",
                        Map.of(IbmCosConstants.BUCKET_NAME, "x"), IbmCosConstants.BUCKET_NAME),
                row("destination bucket header invalid",
                        COS + "?operation=copyObject&keyName=k&allowBucketOverride=true",
                        Map.of(IbmCosConstants.DESTINATION_BUCKET_NAME, "Not..Valid", IbmCosConstants.DESTINATION_KEY,
                                "d"), IbmCosConstants.DESTINATION_BUCKET_NAME),
                // keys
                row("key header empty", COS, Map.of(IbmCosConstants.KEY, ""), IbmCosConstants.KEY),
                row("no key at all", COS, Map.of(), "keyName"),
                row("key header over 1024 bytes", COS, Map.of(IbmCosConstants.KEY, LONG_KEY), IbmCosConstants.KEY),
                row("key header with NUL", COS, Map.of(IbmCosConstants.KEY, "a\0b"), IbmCosConstants.KEY),
                row("keyName over 1024 bytes", COS + "?keyName=" + LONG_KEY, Map.of(), "keyName"),
                row("destination key with NUL", COS + "?operation=copyObject&keyName=k",
                        Map.of(IbmCosConstants.DESTINATION_KEY, "d\0"), IbmCosConstants.DESTINATION_KEY),
                row("destination key missing", COS + "?operation=copyObject&keyName=k", Map.of(),
                        IbmCosConstants.DESTINATION_KEY),
                row("keys to delete with a blank", COS + "?operation=deleteObjects",
                        Map.of(IbmCosConstants.KEYS_TO_DELETE, List.of("a", " ")), IbmCosConstants.KEYS_TO_DELETE),
                row("keys to delete with NUL", COS + "?operation=deleteObjects",
                        Map.of(IbmCosConstants.KEYS_TO_DELETE, List.of("a", "b\0")), IbmCosConstants.KEYS_TO_DELETE),
                // sizes and counts
                row("partSize negative", COS + "?keyName=k&partSize=-1", Map.of(), "partSize"),
                row("partSize below 5 MiB", COS + "?keyName=k&partSize=1024", Map.of(), "partSize"),
                row("partSize above 5 GiB", COS + "?keyName=k&partSize=6000000000", Map.of(), "partSize"),
                row("multipartThreshold negative", COS + "?keyName=k&multipartThreshold=-5", Map.of(),
                        "multipartThreshold"),
                row("multipartConcurrency zero", COS + "?keyName=k&multipartConcurrency=0", Map.of(),
                        "multipartConcurrency"),
                row("maxKeys zero", COS + "?operation=listObjects&maxKeys=0", Map.of(), "maxKeys"),
                row("maxKeys header huge", COS + "?operation=listObjects",
                        Map.of(IbmCosConstants.MAX_KEYS, 5000), IbmCosConstants.MAX_KEYS),
                row("range start negative", COS + "?operation=getObjectRange&keyName=k",
                        Map.of(IbmCosConstants.RANGE_START, -1L), IbmCosConstants.RANGE_START),
                row("range end before start", COS + "?operation=getObjectRange&keyName=k",
                        Map.of(IbmCosConstants.RANGE_START, 10L, IbmCosConstants.RANGE_END, 5L),
                        IbmCosConstants.RANGE_START),
                row("range start not a number", COS + "?operation=getObjectRange&keyName=k",
                        Map.of(IbmCosConstants.RANGE_START, "ten"), IbmCosConstants.RANGE_START),
                row("presign expiry header zero", COS + "?operation=createPresignedUrl&keyName=k",
                        Map.of(IbmCosConstants.PRESIGN_EXPIRY, 0L), IbmCosConstants.PRESIGN_EXPIRY),
                row("presignExpiry over 7 days", COS + "?operation=createPresignedUrl&keyName=k&presignExpiry=8d",
                        Map.of(), "presignExpiry"),
                row("presign method header unknown", COS + "?operation=createPresignedUrl&keyName=k",
                        Map.of(IbmCosConstants.PRESIGN_METHOD, "DELETE"), IbmCosConstants.PRESIGN_METHOD),
                row("connectTimeout negative", COS + "?keyName=k&connectTimeout=-1", Map.of(), "connectTimeout"),
                row("requestTimeout negative", COS + "?keyName=k&requestTimeout=-1", Map.of(), "requestTimeout"),
                row("abortIncompleteUploadsAfter negative", COS + "?keyName=k&abortIncompleteUploadsAfter=-5",
                        Map.of(), "abortIncompleteUploadsAfter"),
                row("maxConnections zero", COS + "?keyName=k&maxConnections=0", Map.of(), "maxConnections"),
                // retention and legal holds
                row("retention period header out of range", COS + "?keyName=k",
                        Map.of(IbmCosConstants.RETENTION_PERIOD, -3L), IbmCosConstants.RETENTION_PERIOD),
                row("retentionPeriod option out of range", COS + "?keyName=k&retentionPeriod=-3", Map.of(),
                        "retentionPeriod"),
                row("retention period and date together", COS + "?keyName=k",
                        Map.of(IbmCosConstants.RETENTION_PERIOD, 10L, IbmCosConstants.RETENTION_EXPIRATION_DATE,
                                "2030-01-01T00:00:00Z"), IbmCosConstants.RETENTION_EXPIRATION_DATE),
                row("retention date malformed", COS + "?keyName=k",
                        Map.of(IbmCosConstants.RETENTION_EXPIRATION_DATE, "next tuesday"),
                        IbmCosConstants.RETENTION_EXPIRATION_DATE),
                row("extend retention negative", COS + "?operation=extendRetention&keyName=k",
                        Map.of(IbmCosConstants.ADDITIONAL_RETENTION_PERIOD, -5L),
                        IbmCosConstants.ADDITIONAL_RETENTION_PERIOD),
                row("extend retention two values", COS + "?operation=extendRetention&keyName=k",
                        Map.of(IbmCosConstants.ADDITIONAL_RETENTION_PERIOD, 5L, IbmCosConstants.NEW_RETENTION_PERIOD,
                                9L), IbmCosConstants.NEW_RETENTION_PERIOD),
                row("protection min above max", COS + "?operation=putBucketProtectionConfiguration",
                        Map.of(IbmCosConstants.MINIMUM_RETENTION_DAYS, 10, IbmCosConstants.DEFAULT_RETENTION_DAYS, 5,
                                IbmCosConstants.MAXIMUM_RETENTION_DAYS, 1), IbmCosConstants.MINIMUM_RETENTION_DAYS),
                row("legal hold header with a space", COS + "?operation=addLegalHold&keyName=k",
                        Map.of(IbmCosConstants.LEGAL_HOLD_ID, "bad id"), IbmCosConstants.LEGAL_HOLD_ID),
                row("legal hold header 65 chars", COS + "?operation=addLegalHold&keyName=k",
                        Map.of(IbmCosConstants.LEGAL_HOLD_ID, "h".repeat(65)), IbmCosConstants.LEGAL_HOLD_ID),
                row("legalHoldId option malformed", COS + "?keyName=k&legalHoldId=no/slash", Map.of(),
                        "legalHoldId"),
                // metadata and content headers
                row("metadata over 2 KiB", COS + "?keyName=k",
                        Map.of(IbmCosConstants.METADATA, Map.of("big", "v".repeat(2100))), IbmCosConstants.METADATA),
                row("metadata name with a space", COS + "?keyName=k",
                        Map.of(IbmCosConstants.METADATA, Map.of("a b", "v")), IbmCosConstants.METADATA),
                row("metadata value with CRLF", COS + "?keyName=k",
                        Map.of(IbmCosConstants.METADATA, Map.of("a", "v\r\nX-Injected: 1")), IbmCosConstants.METADATA),
                row("content type with CRLF", COS + "?keyName=k",
                        Map.of(IbmCosConstants.CONTENT_TYPE, "text/plain\r\nX-Injected: 1"),
                        IbmCosConstants.CONTENT_TYPE),
                row("metadata not a map", COS + "?keyName=k", Map.of(IbmCosConstants.METADATA, 42),
                        IbmCosConstants.METADATA),
                // unknown enum values
                row("operation header unknown", COS + "?keyName=k", Map.of(IbmCosConstants.OPERATION, "explode"),
                        IbmCosConstants.OPERATION),
                row("operation option unknown", COS + "?operation=explode&keyName=k", Map.of(), "operation"),
                row("checksumMode unknown", COS + "?keyName=k&checksumMode=sha1", Map.of(), "checksumMode"),
                row("presignMethod option unknown", COS + "?operation=createPresignedUrl&keyName=k&presignMethod=POST",
                        Map.of(), "presignMethod"),
                row("metadata directive unknown", COS + "?operation=copyObject&keyName=k",
                        Map.of(IbmCosConstants.DESTINATION_KEY, "d", IbmCosConstants.METADATA_DIRECTIVE, "MERGE"),
                        IbmCosConstants.METADATA_DIRECTIVE),
                row("retention directive unknown", COS + "?operation=copyObject&keyName=k",
                        Map.of(IbmCosConstants.DESTINATION_KEY, "d", IbmCosConstants.RETENTION_DIRECTIVE, "KEEP"),
                        IbmCosConstants.RETENTION_DIRECTIVE),
                // consumer options (checked when the consumer is created)
                row("maxMessagesPerPoll negative", "consumer:" + COS + "?maxMessagesPerPoll=-1", Map.of(),
                        "maxMessagesPerPoll"),
                row("shardIndex out of range", "consumer:" + COS + "?shardCount=3&shardIndex=3", Map.of(),
                        "shardIndex"),
                row("shardCount zero", "consumer:" + COS + "?shardCount=0", Map.of(), "shardCount"),
                row("moveAfterRead without destination", "consumer:" + COS + "?moveAfterRead=true", Map.of(),
                        "destinationBucket"));
    }

    private static Arguments row(String name, String uri, Map<String, Object> headers, String mustName) {
        return Arguments.of(name, uri, headers, mustName);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void badInputFailsNamingTheOptionOrHeaderWithoutAnyRequest(String name, String uri, Map<String, Object> headers,
            String mustName) {
        Throwable failure = attempt(uri, headers);
        assertThat(failure).as(name + ": should fail").isNotNull();
        assertThat(messages(failure)).as(name + ": the error names " + mustName).contains(mustName);
        assertThat(recorder.calls()).as(name + ": no client call").isEmpty();
    }

    private Throwable attempt(String uri, Map<String, Object> headers) {
        try {
            if (uri.startsWith("consumer:")) {
                context.getEndpoint(uri.substring("consumer:".length())).createConsumer(e -> {
                }).start();
                return null;
            }
            Exchange e = send(uri, "body", new HashMap<>(headers));
            return e.getException();
        } catch (Exception e) {
            return e;
        }
    }

    /** Every message of the cause chain, so a wrapped cause still counts. */
    private static String messages(Throwable t) {
        List<String> all = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.add(String.valueOf(c.getMessage()));
        }
        return String.join(" | ", all);
    }
}
