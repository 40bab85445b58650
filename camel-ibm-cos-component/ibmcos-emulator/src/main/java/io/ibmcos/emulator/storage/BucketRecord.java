package io.ibmcos.emulator.storage;

import java.time.Instant;

/**
 * A bucket: name, owning service instance, provisioning code, optional Key Protect settings and optional
 * protection (retention) configuration.
 */
public record BucketRecord(String name, Instant creationDate, String serviceInstance, String locationConstraint,
        String kpAlgorithm, String kpRootKeyCrn, ProtectionConfig protection) {

    public BucketRecord withProtection(ProtectionConfig config) {
        return new BucketRecord(name, creationDate, serviceInstance, locationConstraint, kpAlgorithm, kpRootKeyCrn, config);
    }
}
