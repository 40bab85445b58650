package io.ibmcos.client.model;

/** Paging of {@code GET /?extended}: all fields optional. */
public record ListBucketsExtendedRequest(String prefix, String marker, Integer maxKeys) {

    public static final ListBucketsExtendedRequest ALL = new ListBucketsExtendedRequest(null, null, null);
}
