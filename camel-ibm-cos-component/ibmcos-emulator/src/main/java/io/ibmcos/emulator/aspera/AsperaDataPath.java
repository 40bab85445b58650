package io.ibmcos.emulator.aspera;

import io.ibmcos.emulator.ops.Call;
import io.ibmcos.emulator.protocol.Codec;
import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.Response;
import io.ibmcos.emulator.storage.ObjectRecord;
import io.ibmcos.emulator.storage.Storage;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Where the test {@code ascp} stand-in moves bytes instead of FASP. Every request carries the transfer token from
 * the spec ({@code X-Aspera-Transfer-Token}), which must be valid, of the right direction, for this bucket, and cover
 * the key; otherwise 403, which the stand-in reports as ascp's code 19 ("failed to authenticate").
 */
final class AsperaDataPath {

    static final String TOKEN_HEADER = "X-Aspera-Transfer-Token";

    private final Storage storage;
    private final TransferTokens tokens;

    AsperaDataPath(Storage storage, TransferTokens tokens) {
        this.storage = storage;
        this.tokens = tokens;
    }

    /** {@code GET /_aspera/session}: what the token allows, as {@code key: value} lines. */
    Response session(Call call) {
        TransferTokens.Grant grant = grant(call);
        StringBuilder out = new StringBuilder();
        out.append("bucket: ").append(grant.bucket()).append('\n');
        out.append("direction: ").append(grant.upload() ? "send" : "receive").append('\n');
        for (String root : grant.roots()) {
            out.append("root: ").append(encode(root)).append('\n');
        }
        return text(out.toString());
    }

    /** {@code PUT /_aspera/data/{bucket}/{key}}: stores the object (replacing an older one). */
    Response put(Call call) throws IOException {
        String[] bk = bucketAndKey(call.head().rawPath(), AsperaRoutes.DATA);
        TransferTokens.Grant grant = authorise(call, bk, true);
        ObjectRecord record = new ObjectRecord(bk[1], call.body().size(), Codec.hex(call.body().md5()), call.now(),
                Map.of(), Map.of(), null, List.of(), List.of(call.body().blob()));
        synchronized (storage.lock()) {
            var existing = storage.object(grant.bucket(), bk[1]);
            if (existing.isPresent() && existing.get().protectedAt(call.now())) {
                throw CosException.accessDenied("The object is protected by a retention period or a legal hold");
            }
            storage.putObject(grant.bucket(), record);
        }
        return Response.ok().header("ETag", "\"" + record.etag() + "\"");
    }

    /** {@code GET /_aspera/data/{bucket}/{key}}: the object's bytes. */
    Response get(Call call) throws IOException {
        String[] bk = bucketAndKey(call.head().rawPath(), AsperaRoutes.DATA);
        authorise(call, bk, false);
        synchronized (storage.lock()) {
            ObjectRecord o = storage.object(bk[0], bk[1]).orElseThrow(CosException::noSuchKey);
            List<Object> parts = new ArrayList<>();
            storage.read(o.blobs(), 0, o.size(), parts);
            return Response.ok().header("Content-Type", "application/octet-stream").body(parts, o.size());
        }
    }

    /** {@code GET /_aspera/list/{bucket}?prefix=p}: {@code size encoded-key} lines of the objects under p. */
    Response list(Call call) {
        String bucket = Codec.percentDecode(call.head().rawPath().substring(AsperaRoutes.LIST.length()), false);
        TransferTokens.Grant grant = grant(call);
        String prefix = call.head().query("prefix");
        prefix = prefix == null ? "" : prefix;
        if (grant.upload() || !grant.bucket().equals(bucket) || !grant.covers(stripSlash(prefix))) {
            throw CosException.accessDenied("The transfer token does not cover " + prefix);
        }
        StringBuilder out = new StringBuilder();
        Iterator<ObjectRecord> it = storage.objects(bucket, prefix.isEmpty() ? null : prefix, true);
        while (it.hasNext()) {
            ObjectRecord o = it.next();
            if (!o.key().startsWith(prefix)) {
                break;
            }
            out.append(o.size()).append(' ').append(encode(o.key())).append('\n');
        }
        return text(out.toString());
    }

    private TransferTokens.Grant authorise(Call call, String[] bucketAndKey, boolean upload) {
        TransferTokens.Grant grant = grant(call);
        if (grant.upload() != upload || !grant.bucket().equals(bucketAndKey[0]) || !grant.covers(bucketAndKey[1])) {
            throw CosException.accessDenied("The transfer token does not allow " + (upload ? "writing " : "reading ")
                    + bucketAndKey[1]);
        }
        if (storage.bucket(bucketAndKey[0]).isEmpty()) {
            throw CosException.noSuchBucket();
        }
        return grant;
    }

    private TransferTokens.Grant grant(Call call) {
        TransferTokens.Grant grant = tokens.check(call.header(TOKEN_HEADER), call.now());
        if (grant == null) {
            throw CosException.accessDenied("failed to authenticate: unknown or expired transfer token");
        }
        return grant;
    }

    private static String[] bucketAndKey(String rawPath, String prefix) {
        String rest = rawPath.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw CosException.invalidArgument("Expected " + prefix + "{bucket}/{key}");
        }
        return new String[] {Codec.percentDecode(rest.substring(0, slash), false),
                Codec.percentDecode(rest.substring(slash + 1), false)};
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Response text(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Response.ok().header("Content-Type", "text/plain; charset=utf-8")
                .body(List.of(Unpooled.wrappedBuffer(bytes)), bytes.length);
    }
}
