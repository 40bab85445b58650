package io.ibmcos.emulator.protocol;

import java.util.Set;

/**
 * Maps method + addressing + sub-resource to an {@link Operation}. New sub-resources (the Aspera control plane,
 * for example) are added here and in the dispatcher.
 */
public final class Router {
    public static final String ADMIN_PREFIX = "/_emulator/";
    private static final Set<String> IAM_PATHS = Set.of("/identity/token", "/oidc/token");
    /** Known S3 sub-resources the emulator does not implement: answered 501 rather than misrouted. */
    private static final Set<String> UNSUPPORTED = Set.of("cors", "lifecycle", "policy", "versioning", "versions",
            "tagging", "website", "logging", "notification", "replication", "encryption", "object-lock", "retention",
            "legal-hold", "restore", "select", "torrent", "publicAccessBlock", "inventory",
            "metrics", "analytics", "intelligent-tiering", "ownershipControls", "accelerate", "requestPayment",
            "attributes");

    private Router() {
    }

    /** Whether a path (before bucket resolution) belongs to the emulator itself rather than to a bucket. */
    public static Operation special(String method, String rawPath, String rawQuery) {
        if (rawPath.startsWith(ADMIN_PREFIX)) {
            return Operation.Admin;
        }
        if ("POST".equals(method) && IAM_PATHS.contains(rawPath) && (rawQuery == null || rawQuery.isEmpty())) {
            return Operation.IamToken;
        }
        return io.ibmcos.emulator.aspera.AsperaRoutes.special(method, rawPath);
    }

    public static Operation route(RequestHead h) {
        String m = h.method();
        if (h.bucket() == null) {
            if (m.equals("GET")) {
                return h.hasQuery("extended") ? Operation.ListBucketsExtended : Operation.ListBuckets;
            }
            throw methodNotAllowed();
        }
        if (h.hasQuery("acl") && m.equals("GET")) {
            return h.key() == null ? Operation.GetBucketAcl : Operation.GetObjectAcl;
        }
        if (h.hasQuery("acl")) {
            throw CosException.notImplemented("?acl (ACLs are fixed: the owner has FULL_CONTROL)");
        }
        for (String q : h.queryParams().keySet()) {
            if (UNSUPPORTED.contains(q)) {
                throw CosException.notImplemented("?" + q);
            }
        }
        return h.key() == null ? bucketLevel(h, m) : objectLevel(h, m);
    }

    private static Operation bucketLevel(RequestHead h, String m) {
        switch (m) {
            case "PUT":
                return h.hasQuery("protection") ? Operation.PutBucketProtectionConfiguration : Operation.CreateBucket;
            case "GET":
                if (h.hasQuery("location")) {
                    return Operation.GetBucketLocation;
                }
                if (h.hasQuery("protection")) {
                    return Operation.GetBucketProtectionConfiguration;
                }
                if (h.hasQuery("uploads")) {
                    return Operation.ListMultipartUploads;
                }
                if (h.hasQuery("faspConnectionInfo")) {
                    return Operation.GetFaspConnectionInfo;
                }
                return "2".equals(h.query("list-type")) ? Operation.ListObjectsV2 : Operation.ListObjects;
            case "HEAD":
                return Operation.HeadBucket;
            case "DELETE":
                return Operation.DeleteBucket;
            case "POST":
                if (h.hasQuery("delete")) {
                    return Operation.DeleteObjects;
                }
                throw methodNotAllowed();
            default:
                throw methodNotAllowed();
        }
    }

    private static Operation objectLevel(RequestHead h, String m) {
        switch (m) {
            case "PUT":
                if (h.hasQuery("uploadId") || h.hasQuery("partNumber")) {
                    return h.header("x-amz-copy-source") != null ? Operation.UploadPartCopy : Operation.UploadPart;
                }
                return h.header("x-amz-copy-source") != null ? Operation.CopyObject : Operation.PutObject;
            case "GET":
                if (h.hasQuery("uploadId")) {
                    return Operation.ListParts;
                }
                return h.hasQuery("legalHold") ? Operation.ListLegalHolds : Operation.GetObject;
            case "HEAD":
                return Operation.HeadObject;
            case "DELETE":
                return h.hasQuery("uploadId") ? Operation.AbortMultipartUpload : Operation.DeleteObject;
            case "POST":
                if (h.hasQuery("uploads")) {
                    return Operation.CreateMultipartUpload;
                }
                if (h.hasQuery("uploadId")) {
                    return Operation.CompleteMultipartUpload;
                }
                if (h.hasQuery("legalHold")) {
                    if (h.hasQuery("add")) {
                        return Operation.AddLegalHold;
                    }
                    if (h.hasQuery("remove")) {
                        return Operation.DeleteLegalHold;
                    }
                    throw CosException.invalidArgument("legalHold requires add or remove");
                }
                if (h.hasQuery("extendRetention")) {
                    return Operation.ExtendRetention;
                }
                throw methodNotAllowed();
            default:
                throw methodNotAllowed();
        }
    }

    private static CosException methodNotAllowed() {
        return new CosException(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
    }
}
