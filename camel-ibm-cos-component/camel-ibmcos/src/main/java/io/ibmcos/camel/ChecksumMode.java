package io.ibmcos.camel;

/** Whether uploads carry a Content-MD5 (see option checksumMode). */
public enum ChecksumMode {
    /** Where COS requires it (buckets with a protection configuration) and for bodies already in memory. */
    auto,
    /** Never: fastest, but uploads to protected buckets are refused by COS. */
    none,
    /** Always, for every single PUT and every part. */
    md5
}
