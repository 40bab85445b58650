package io.ibmcos.client;

import io.ibmcos.client.http.CosRequest;
import io.ibmcos.client.http.RequestExecutor;
import io.ibmcos.client.model.LegalHold;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.ProtectionConfiguration;
import io.ibmcos.client.model.RetentionExtension;
import io.ibmcos.client.model.RetentionState;
import io.ibmcos.client.xml.CosDates;
import io.ibmcos.client.xml.LegalHoldXml;
import io.ibmcos.client.xml.ProtectionXml;

/** IBM Immutable Object Storage: bucket protection, legal holds, extend retention. */
final class ImmutabilityCalls {

    private final RequestExecutor executor;

    ImmutabilityCalls(RequestExecutor executor) {
        this.executor = executor;
    }

    void putProtection(String bucket, ProtectionConfiguration c) {
        Validation.bucketName(bucket);
        if (c == null || !c.enabled()) {
            throw new IllegalArgumentException("A protection configuration needs status Retention: COS policies can "
                    + "be changed but never removed");
        }
        byte[] body = ProtectionXml.write(c);
        executor.executeDiscardingBody(CosRequest.builder("PUT").operation("PutBucketProtectionConfiguration")
                .bucket(bucket).flag("protection").header("Content-Type", "application/xml")
                .header("Content-MD5", Digests.contentMd5(body)).payload(Payload.ofBytes(body)).build());
    }

    ProtectionConfiguration getProtection(String bucket) {
        Validation.bucketName(bucket);
        return ProtectionXml.parse(executor.executeForBody(CosRequest.builder("GET")
                .operation("GetBucketProtectionConfiguration").bucket(bucket).flag("protection").build()));
    }

    void addLegalHold(String bucket, String key, String id) {
        legalHold(bucket, key, "add", id, "AddLegalHold");
    }

    void deleteLegalHold(String bucket, String key, String id) {
        legalHold(bucket, key, "remove", id, "DeleteLegalHold");
    }

    private void legalHold(String bucket, String key, String action, String id, String operation) {
        Validation.bucketName(bucket);
        Validation.key(key);
        LegalHold.validateId(id);
        executor.executeDiscardingBody(CosRequest.builder("POST").operation(operation).bucket(bucket).key(key)
                .flag("legalHold").query(action, id).header("Content-Type", "text/plain").payload(Payload.empty())
                .build());
    }

    RetentionState listLegalHolds(String bucket, String key) {
        Validation.bucketName(bucket);
        Validation.key(key);
        return LegalHoldXml.parse(executor.executeForBody(CosRequest.builder("GET").operation("ListLegalHolds")
                .bucket(bucket).key(key).flag("legalHold").build()));
    }

    void extendRetention(String bucket, String key, RetentionExtension extension) {
        Validation.bucketName(bucket);
        Validation.key(key);
        if (extension == null) {
            throw new IllegalArgumentException("Extending retention needs one of the four retention extensions");
        }
        CosRequest.Builder b = CosRequest.builder("POST").operation("ExtendRetention").bucket(bucket).key(key)
                .flag("extendRetention").header("Content-Type", "text/plain").payload(Payload.empty());
        // Java 17 has no pattern switch; the sealed interface keeps this list complete
        if (extension instanceof RetentionExtension.AdditionalPeriod a) {
            b.header("Additional-Retention-Period", a.seconds());
        } else if (extension instanceof RetentionExtension.FromCurrentTime f) {
            b.header("Extend-Retention-From-Current-Time", f.seconds());
        } else if (extension instanceof RetentionExtension.NewPeriod n) {
            b.header("New-Retention-Period", n.seconds());
        } else if (extension instanceof RetentionExtension.NewExpirationDate d) {
            b.header("New-Retention-Expiration-Date", CosDates.iso(d.date()));
        }
        executor.executeDiscardingBody(b.build());
    }
}
