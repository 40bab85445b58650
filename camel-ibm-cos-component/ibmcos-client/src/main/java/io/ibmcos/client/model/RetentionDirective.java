package io.ibmcos.client.model;

/**
 * IBM's {@code Retention-Directive} for copy: COPY keeps the source's retention period and legal holds, REPLACE
 * takes the retention headers of the copy request (or the bucket default).
 */
public enum RetentionDirective {
    COPY,
    REPLACE
}
