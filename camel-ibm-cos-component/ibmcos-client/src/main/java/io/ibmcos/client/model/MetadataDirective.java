package io.ibmcos.client.model;

/** {@code x-amz-metadata-directive} for copy: keep the source's metadata, or replace it with the request's. */
public enum MetadataDirective {
    COPY,
    REPLACE
}
