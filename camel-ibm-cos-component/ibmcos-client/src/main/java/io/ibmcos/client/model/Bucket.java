package io.ibmcos.client.model;

import java.time.Instant;

/**
 * A bucket as listed. {@code locationConstraint} (e.g. {@code us-south-standard}) and
 * {@code creationTemplateId} are only filled by the extended listing.
 */
public record Bucket(String name, Instant creationDate, String locationConstraint, String creationTemplateId) {
}
