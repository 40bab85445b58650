package io.ibmcos.emulator.protocol;

/**
 * The operations the emulator serves, named after the S3 action names (what request counters and fault rules use).
 * {@link #bodyStreamed} marks operations whose body is object data streamed to storage; all others carry small
 * XML/form bodies that are buffered.
 */
public enum Operation {
    ListBuckets, ListBucketsExtended, CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation, GetBucketAcl, GetObjectAcl,
    PutObject(true), GetObject, HeadObject, DeleteObject, CopyObject,
    ListObjects, ListObjectsV2, DeleteObjects,
    CreateMultipartUpload, UploadPart(true), UploadPartCopy, CompleteMultipartUpload, AbortMultipartUpload, ListParts,
    ListMultipartUploads,
    PutBucketProtectionConfiguration, GetBucketProtectionConfiguration,
    AddLegalHold, DeleteLegalHold, ListLegalHolds, ExtendRetention,
    IamToken, Admin,
    // Aspera: connection info is a COS call; the ATS stand-in and the ascp stand-in's data path check their own credentials
    GetFaspConnectionInfo, AtsUploadSetup, AtsDownloadSetup, AsperaSession, AsperaPut(true), AsperaGet, AsperaList;

    private final boolean bodyStreamed;

    Operation() {
        this(false);
    }

    Operation(boolean bodyStreamed) {
        this.bodyStreamed = bodyStreamed;
    }

    public boolean bodyStreamed() {
        return bodyStreamed;
    }

    /**
     * Operations that need no COS credentials: the IAM token endpoint, the admin API, and the Aspera stand-ins
     * (ATS checks its access key and delegated token, the data path its transfer token).
     */
    public boolean unauthenticated() {
        return this == IamToken || this == Admin || this == AtsUploadSetup || this == AtsDownloadSetup
                || this == AsperaSession || this == AsperaPut || this == AsperaGet || this == AsperaList;
    }
}
