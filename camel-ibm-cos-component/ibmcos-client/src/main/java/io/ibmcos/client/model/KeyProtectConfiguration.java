package io.ibmcos.client.model;

import java.util.Objects;

/**
 * Key Protect / Hyper Protect Crypto Services encryption for a new bucket: sent as
 * {@code ibm-sse-kp-encryption-algorithm} and {@code ibm-sse-kp-customer-root-key-crn}.
 */
public record KeyProtectConfiguration(String algorithm, String rootKeyCrn) {

    public KeyProtectConfiguration {
        Objects.requireNonNull(rootKeyCrn, "rootKeyCrn");
        algorithm = algorithm == null || algorithm.isBlank() ? "AES256" : algorithm;
    }

    @Override
    public String toString() {
        // a root key CRN is an identifier, not a secret, but it names the account: keep it short in logs
        return "KeyProtectConfiguration[algorithm=" + algorithm + ", rootKeyCrn=..."
                + rootKeyCrn.substring(Math.max(0, rootKeyCrn.length() - 12)) + "]";
    }
}
