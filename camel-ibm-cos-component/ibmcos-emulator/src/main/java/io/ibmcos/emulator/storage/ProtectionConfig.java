package io.ibmcos.emulator.storage;

/** A bucket's IBM Immutable Object Storage configuration (retention days and the permanent-retention switch). */
public record ProtectionConfig(int minimumDays, int defaultDays, int maximumDays, boolean permanentRetentionEnabled) {
}
