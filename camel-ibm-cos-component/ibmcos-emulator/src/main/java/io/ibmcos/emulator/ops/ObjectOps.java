package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.protocol.Codec;
import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.HttpDates;
import io.ibmcos.emulator.protocol.RequestHead;
import io.ibmcos.emulator.protocol.Response;
import io.ibmcos.emulator.storage.BucketRecord;
import io.ibmcos.emulator.storage.LegalHold;
import io.ibmcos.emulator.storage.ObjectRecord;
import io.ibmcos.emulator.storage.Retention;
import io.ibmcos.emulator.storage.Storage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Single-object operations: put, get, head, delete. Copy lives in {@link CopyOps}. */
public final class ObjectOps {
    private final Storage storage;

    public ObjectOps(Storage storage) {
        this.storage = storage;
    }

    /** COS (like S3) takes at most 5 GiB in one PUT, object or part. */
    static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;

    public void precheckPut(RequestHead head) {
        Lookup.bucket(storage, head.bucket());
        checkKey(head.key());
        checkDeclaredSize(head);
    }

    /**
     * Refuses a body declared larger than a single PUT may be, before any byte of it is read (the declared size is
     * the decoded length for aws-chunked bodies), instead of storing gigabytes only to fail.
     */
    static void checkDeclaredSize(RequestHead head) {
        for (String name : new String[] { "x-amz-decoded-content-length", "Content-Length" }) {
            String value = head.header(name);
            if (value == null) {
                continue;
            }
            long size;
            try {
                size = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw CosException.badRequest("InvalidArgument", "Invalid " + name + ": " + value);
            }
            if (size > MAX_SINGLE_PUT) {
                throw CosException.badRequest("EntityTooLarge",
                        "Your proposed upload exceeds the maximum allowed object size.");
            }
            return;
        }
    }

    static void checkKey(String key) {
        if (key.length() > 1024) {
            throw CosException.badRequest("KeyTooLong", "Your key is too long.");
        }
    }

    public Response put(Call call) throws IOException {
        BucketRecord bucket = Lookup.bucket(storage, call.bucket());
        requireIntegrity(bucket, call);
        Retention retention = RetentionRules.forWrite(bucket.protection(), call::header, call.now());
        List<LegalHold> holds = initialHolds(call);
        ObjectRecord record = new ObjectRecord(call.key(), call.body().size(), Codec.hex(call.body().md5()), call.now(),
                ObjectHeaders.contentHeaders(call.head()), ObjectHeaders.userMetadata(call.head()), retention, holds,
                List.of(call.body().blob()));
        synchronized (storage.lock()) {
            Optional<ObjectRecord> existing = storage.object(call.bucket(), call.key());
            String ifNoneMatch = call.header("If-None-Match");
            if (ifNoneMatch != null && ifNoneMatch.trim().equals("*") && existing.isPresent()) {
                throw new CosException(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold: If-None-Match");
            }
            refuseIfProtected(existing, call.now());
            storage.putObject(call.bucket(), record);
        }
        return Response.ok().header("ETag", ObjectHeaders.quote(record.etag()));
    }

    /** Uploads into a protected bucket must prove their payload (COS: Content-MD5, x-amz-checksum-* or signed SHA-256). */
    static void requireIntegrity(BucketRecord bucket, Call call) {
        if (bucket.protection() != null && !call.body().integrity()) {
            throw new CosException(400, "InvalidRequest",
                    "Content-MD5, an x-amz-checksum-* header or a signed payload SHA-256 is required for uploads into a bucket with a protection configuration");
        }
    }

    static List<LegalHold> initialHolds(Call call) {
        String hold = call.header("Retention-Legal-Hold-ID");
        return hold == null ? List.of() : RetentionRules.addHold(List.of(), hold.trim(), call.now());
    }

    /** Retention and legal holds forbid replacing or deleting an object (403 AccessDenied, cos-api.md §4.2). */
    static void refuseIfProtected(Optional<ObjectRecord> existing, Instant now) {
        if (existing.isPresent() && existing.get().protectedAt(now)) {
            throw CosException.accessDenied("The object is protected by a retention period or a legal hold");
        }
    }

    public Response get(Call call) throws IOException {
        // lookup and read set-up under the lock: a concurrent delete must not free the bytes in between
        synchronized (storage.lock()) {
            return getLocked(call);
        }
    }

    private Response getLocked(Call call) throws IOException {
        ObjectRecord o = Lookup.object(storage, call.bucket(), call.key());
        Served served = serve(call, o);
        if (served.notModified()) {
            return served.response();
        }
        List<Object> parts = new ArrayList<>();
        storage.read(o.blobs(), served.first(), served.length(), parts);
        return served.response().body(parts, served.length());
    }

    public Response head(Call call) {
        ObjectRecord o = Lookup.object(storage, call.bucket(), call.key());
        Served served = serve(call, o);
        if (served.notModified()) {
            return served.response();
        }
        return served.response().declaredLength(served.length());
    }

    /** The status line and headers GET and HEAD share, and which bytes they describe. */
    private record Served(Response response, boolean notModified, long first, long length) {
    }

    private Served serve(Call call, ObjectRecord o) {
        Response notModified = conditionals(o, call);
        if (notModified != null) {
            return new Served(notModified, true, 0, 0);
        }
        long[] range = selectRange(call, o);
        Response r = range == null ? Response.ok() : Response.status(206);
        ObjectHeaders.write(r, o, call.head());
        if (range == null) {
            return new Served(r, false, 0, o.size());
        }
        r.header("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + o.size());
        return new Served(r, false, range[0], range[1] - range[0] + 1);
    }

    /**
     * The byte range to serve: the part named by {@code ?partNumber=N} (parallel downloaders such as the AWS SDK v2
     * transfer manager fetch multipart objects part by part), else the Range header, else null (whole object).
     */
    static long[] selectRange(Call call, ObjectRecord o) {
        String partNumber = call.head().query("partNumber");
        if (partNumber == null) {
            return Ranges.parse(call.header("Range"), o.size());
        }
        int n;
        try {
            n = Integer.parseInt(partNumber.trim());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > MultipartOps.MAX_PART_NUMBER) {
            throw CosException.invalidArgument("Part number must be an integer between 1 and " + MultipartOps.MAX_PART_NUMBER);
        }
        // a multipart object keeps one blob per part; any other object is a single part
        boolean multipart = o.etag().contains("-");
        int count = multipart ? o.blobs().size() : 1;
        if (n > count) {
            throw new CosException(416, "InvalidPartNumber", "The requested partnumber is not satisfiable");
        }
        if (o.size() == 0) {
            return null;
        }
        if (!multipart) {
            return new long[] {0, o.size() - 1};
        }
        long offset = 0;
        for (int i = 0; i < n - 1; i++) {
            offset += o.blobs().get(i).length();
        }
        return new long[] {offset, offset + o.blobs().get(n - 1).length() - 1};
    }

    private static Response conditionals(ObjectRecord o, Call call) {
        try {
            Conditionals.check(o, call::header, "", false);
            return null;
        } catch (Conditionals.NotModified e) {
            Response r = Response.status(304);
            r.header("ETag", ObjectHeaders.quote(o.etag()));
            r.header("Last-Modified", HttpDates.rfc1123(o.lastModified()));
            return r;
        }
    }

    public Response delete(Call call) throws IOException {
        Lookup.bucket(storage, call.bucket());
        synchronized (storage.lock()) {
            Optional<ObjectRecord> existing = storage.object(call.bucket(), call.key());
            refuseIfProtected(existing, call.now());
            storage.deleteObject(call.bucket(), call.key());
        }
        return Response.noContent();
    }
}
