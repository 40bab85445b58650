package io.ibmcos.camel.integration;

import static io.ibmcos.camel.IbmCosOperation.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.LegalHold;
import io.ibmcos.client.model.ObjectSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The scenarios of IBM's COS SDK guide, end to end through routes, with IAM and with HMAC credentials. */
class IbmCosSeedScenariosIT extends IbmCosEmulatorITSupport {

    @ParameterizedTest
    @EnumSource(Auth.class)
    void basicLifecycle(Auth auth) {
        String bucket = newBucket("seed-basic");
        op(auth, bucket, createBucket).ok();
        op(auth, bucket, putObject).key("notes/hello.txt").body("Hello from Camel")
                .header(IbmCosConstants.CONTENT_TYPE, "text/plain").ok();

        List<?> listed = op(auth, bucket, listObjects).ok().getMessage().getBody(List.class);
        assertThat(listed).extracting(o -> ((ObjectSummary) o).key()).containsExactly("notes/hello.txt");
        assertThat(op(auth, bucket, getObject).key("notes/hello.txt").ok().getMessage().getBody(String.class))
                .isEqualTo("Hello from Camel");

        // metadata, way 1: copy the object onto itself with REPLACE (the content is not sent again)
        op(auth, bucket, updateMetadata).key("notes/hello.txt").header(IbmCosConstants.METADATA, Map.of("rev", "1"))
                .header(IbmCosConstants.CONTENT_TYPE, "text/plain").ok();
        assertThat(op(auth, bucket, headObject).key("notes/hello.txt").ok().getMessage()
                .getHeader(IbmCosConstants.METADATA)).isEqualTo(Map.of("rev", "1"));
        // metadata, way 2: upload the content again with the new metadata
        byte[] content = op(auth, bucket, getObject).key("notes/hello.txt").ok().getMessage().getBody(byte[].class);
        op(auth, bucket, putObject).key("notes/hello.txt").body(content).header(IbmCosConstants.METADATA,
                Map.of("rev", "2")).header(IbmCosConstants.CONTENT_TYPE, "text/plain").ok();
        Exchange head = op(auth, bucket, headObject).key("notes/hello.txt").ok();
        assertThat(head.getMessage().getHeader(IbmCosConstants.METADATA)).isEqualTo(Map.of("rev", "2"));
        assertThat(op(auth, bucket, getObject).key("notes/hello.txt").ok().getMessage().getBody(String.class))
                .isEqualTo("Hello from Camel");

        op(auth, bucket, putObject).key("notes/second.txt").body("2").ok();
        op(auth, bucket, deleteObjects).header(IbmCosConstants.KEYS_TO_DELETE,
                List.of("notes/hello.txt", "notes/second.txt")).ok();
        assertThat(op(auth, bucket, listObjects).ok().getMessage().getBody(List.class)).isEmpty();
        op(auth, bucket, deleteBucket).ok();
        assertThat(op(auth, bucket, headBucket).ok().getMessage().getHeader(IbmCosConstants.BUCKET_EXISTS))
                .isEqualTo(false);
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void keyProtectBucket(Auth auth) {
        String bucket = newBucket("seed-kp");
        String crn = "crn:v1:bluemix:public:kms:us-south:a/1234:5678:key:abcd-ef";
        Exchange created = template.send("ibmcos:" + bucket + "?operation=createBucket&kpRootKeyCrn=" + crn + "&"
                + auth.uriOptions(emulator), e -> { });
        assertThat(created.getException()).isNull();
        Exchange head = op(auth, bucket, headBucket).ok();
        assertThat(head.getMessage().getHeader(IbmCosConstants.KEY_PROTECT_ENABLED)).isEqualTo(true);
        assertThat(head.getMessage().getHeader(IbmCosConstants.KEY_PROTECT_ROOT_KEY_ID, String.class)).isNotBlank();
        op(auth, bucket, putObject).key("secret.txt").body("encrypted at rest").ok();
        assertThat(op(auth, bucket, getObject).key("secret.txt").ok().getMessage().getBody(String.class))
                .isEqualTo("encrypted at rest");
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void immutableObjectStorage(Auth auth) {
        String bucket = newBucket("seed-worm");
        op(auth, bucket, createBucket).ok();
        op(auth, bucket, putBucketProtectionConfiguration).header(IbmCosConstants.MINIMUM_RETENTION_DAYS, 1)
                .header(IbmCosConstants.DEFAULT_RETENTION_DAYS, 1).header(IbmCosConstants.MAXIMUM_RETENTION_DAYS, 365)
                .ok();

        // put with a retention period and a legal hold (Content-MD5, required here, is computed for the String body)
        op(auth, bucket, putObject).key("contract.pdf").body("signed contract")
                .header(IbmCosConstants.RETENTION_PERIOD, 2 * 86400L)
                .header(IbmCosConstants.LEGAL_HOLD_ID, "litigation-7").ok();
        Exchange head = op(auth, bucket, headObject).key("contract.pdf").ok();
        assertThat(head.getMessage().getHeader(IbmCosConstants.RETENTION_PERIOD)).isEqualTo(2 * 86400L);
        assertThat(head.getMessage().getHeader(IbmCosConstants.RETENTION_LEGAL_HOLD_COUNT)).isEqualTo(1);

        // copy the protected object: retention and holds travel with it (Retention-Directive COPY)
        op(auth, bucket, copyObject).key("contract.pdf").header(IbmCosConstants.DESTINATION_KEY, "contract-copy.pdf")
                .header(IbmCosConstants.RETENTION_DIRECTIVE, "COPY").ok();
        assertThat(op(auth, bucket, headObject).key("contract-copy.pdf").ok().getMessage()
                .getHeader(IbmCosConstants.RETENTION_PERIOD)).isEqualTo(2 * 86400L);

        Instant before = op(auth, bucket, headObject).key("contract.pdf").ok().getMessage()
                .getHeader(IbmCosConstants.RETENTION_EXPIRATION_DATE, Instant.class);
        op(auth, bucket, extendRetention).key("contract.pdf")
                .header(IbmCosConstants.ADDITIONAL_RETENTION_PERIOD, 86400L).ok();
        Instant after = op(auth, bucket, headObject).key("contract.pdf").ok().getMessage()
                .getHeader(IbmCosConstants.RETENTION_EXPIRATION_DATE, Instant.class);
        assertThat(after).isAfter(before);

        Exchange holds = op(auth, bucket, listLegalHolds).key("contract.pdf").ok();
        assertThat(holds.getMessage().getBody(List.class)).extracting(h -> ((LegalHold) h).id())
                .containsExactly("litigation-7");

        Exception refused = op(auth, bucket, deleteObject).key("contract.pdf").fails();
        assertThat(refused).isInstanceOf(CosServiceException.class);
        assertThat(((CosServiceException) refused).statusCode()).isEqualTo(403);
        assertThat(((CosServiceException) refused).errorCode()).isEqualTo("AccessDenied");
        assertThat(op(auth, bucket, getObject).key("contract.pdf").ok().getMessage().getBody(String.class))
                .isEqualTo("signed contract");
    }
}
