package io.ibmcos.client.model;

/** A part that was uploaded: its number and ETag (quotes stripped). */
public record CompletedPart(int partNumber, String eTag) {
}
