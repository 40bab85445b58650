package io.ibmcos.emulator.storage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ibmcos.emulator.protocol.Codec;
import io.ibmcos.emulator.protocol.KeyOrder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.DefaultFileRegion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores objects under a data directory:
 * <pre>
 *   buckets/NAME.json                 bucket record
 *   objects/BUCKET/SHA256(key).json   object record (key, headers, retention, holds, blob ids)
 *   blobs/ID                          immutable object bytes, written once
 *   uploads/UPLOADID/upload.json      multipart upload, with part-N.json per uploaded part
 *   tmp/                              files being written (emptied on start)
 * </pre>
 * Bytes are streamed to tmp/, fsynced and renamed into blobs/ before the object record that references them is
 * written (atomically, see {@link AtomicFiles}); the record is the commit point. A crash therefore leaves either
 * the old object or the new one, plus possibly orphan blobs, which the next start removes. Uploads in progress
 * survive restarts.
 */
public final class DiskStorage extends IndexedStorage {
    private static final Logger LOG = LoggerFactory.getLogger(DiskStorage.class);

    private final Path bucketsDir;
    private final Path objectsDir;
    private final Path blobsDir;
    private final Path uploadsDir;
    private final Path tmpDir;
    private final AtomicFiles files;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public DiskStorage(Path dataDir) throws IOException {
        this.bucketsDir = dataDir.resolve("buckets");
        this.objectsDir = dataDir.resolve("objects");
        this.blobsDir = dataDir.resolve("blobs");
        this.uploadsDir = dataDir.resolve("uploads");
        this.tmpDir = dataDir.resolve("tmp");
        for (Path p : List.of(bucketsDir, objectsDir, blobsDir, uploadsDir, tmpDir)) {
            Files.createDirectories(p);
        }
        this.files = new AtomicFiles(tmpDir);
        load();
    }

    private void load() throws IOException {
        deleteChildren(tmpDir);
        Set<String> referenced = new HashSet<>();
        for (Path f : list(bucketsDir, ".json")) {
            BucketRecord b = json.readValue(f.toFile(), BucketRecord.class);
            buckets.put(b.name(), b);
            objects.put(b.name(), new ConcurrentSkipListMap<>(KeyOrder.INSTANCE));
            for (Path of : list(objectsDir.resolve(b.name()), ".json")) {
                ObjectRecord o = json.readValue(of.toFile(), ObjectRecord.class);
                objects.get(b.name()).put(o.key(), o);
                o.blobs().forEach(r -> referenced.add(r.id()));
            }
        }
        Set<String> objectBlobs = Set.copyOf(referenced);
        for (Path dir : list(uploadsDir, "")) {
            Path meta = dir.resolve("upload.json");
            if (!Files.isRegularFile(meta)) {
                deleteTree(dir);
                continue;
            }
            UploadRecord u = json.readValue(meta.toFile(), UploadRecord.class);
            if (!buckets.containsKey(u.bucket())) {
                deleteTree(dir);
                continue;
            }
            uploads.put(u.uploadId(), u);
            var partMap = new ConcurrentSkipListMap<Integer, PartRecord>();
            for (Path pf : list(dir, ".json")) {
                if (pf.getFileName().toString().startsWith("part-")) {
                    PartRecord p = json.readValue(pf.toFile(), PartRecord.class);
                    // a crash between completing an upload and removing it leaves parts now owned by an object
                    if (objectBlobs.contains(p.blob().id())) {
                        Files.deleteIfExists(pf);
                    } else {
                        partMap.put(p.partNumber(), p);
                        referenced.add(p.blob().id());
                    }
                }
            }
            parts.put(u.uploadId(), partMap);
        }
        int orphans = 0;
        for (Path blob : list(blobsDir, "")) {
            if (!referenced.contains(blob.getFileName().toString())) {
                Files.deleteIfExists(blob);
                orphans++;
            }
        }
        LOG.info("Loaded {} buckets, {} uploads from disk; removed {} orphan blobs", buckets.size(), uploads.size(), orphans);
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> suffix.isEmpty() || p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    private static void deleteChildren(Path dir) throws IOException {
        for (Path p : list(dir, "")) {
            deleteTree(p);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            deleteChildren(p);
        }
        Files.deleteIfExists(p);
    }

    private Path objectFile(String bucket, String key) {
        return objectsDir.resolve(bucket).resolve(Codec.sha256Hex(key) + ".json");
    }

    private byte[] toJson(Object value) throws IOException {
        return json.writeValueAsBytes(value);
    }

    @Override
    protected void persistBucket(BucketRecord bucket) throws IOException {
        Files.createDirectories(objectsDir.resolve(bucket.name()));
        files.write(bucketsDir.resolve(bucket.name() + ".json"), toJson(bucket));
    }

    @Override
    protected void removeBucketData(String bucket) throws IOException {
        files.delete(bucketsDir.resolve(bucket + ".json"));
        deleteTree(objectsDir.resolve(bucket));
    }

    @Override
    protected void persistObject(String bucket, ObjectRecord object) throws IOException {
        files.write(objectFile(bucket, object.key()), toJson(object));
    }

    @Override
    protected void removeObjectData(String bucket, String key) throws IOException {
        files.delete(objectFile(bucket, key));
    }

    @Override
    protected void persistUpload(UploadRecord upload) throws IOException {
        files.write(uploadsDir.resolve(upload.uploadId()).resolve("upload.json"), toJson(upload));
    }

    @Override
    protected void persistPart(String uploadId, PartRecord part) throws IOException {
        files.write(uploadsDir.resolve(uploadId).resolve("part-" + part.partNumber() + ".json"), toJson(part));
    }

    @Override
    protected void removeUploadData(String uploadId) throws IOException {
        Path dir = uploadsDir.resolve(uploadId);
        // upload.json goes first: without it a half-deleted directory is ignored (and cleaned) on the next start
        files.delete(dir.resolve("upload.json"));
        deleteTree(dir);
    }

    @Override
    public BlobWriter newBlob() throws IOException {
        Path tmp = files.newTempFile();
        FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new BlobWriter() {
            private long length;

            @Override
            public void write(ByteBuf data) throws IOException {
                int index = data.readerIndex();
                int remaining = data.readableBytes();
                while (remaining > 0) {
                    int n = data.getBytes(index, ch, length, remaining);
                    index += n;
                    remaining -= n;
                    length += n;
                }
            }

            @Override
            public BlobRef commit() throws IOException {
                try (ch) {
                    ch.force(true);
                }
                BlobRef ref = new BlobRef(UUID.randomUUID().toString(), length);
                files.publish(tmp, blobsDir.resolve(ref.id()));
                return ref;
            }

            @Override
            public void abort() {
                try {
                    ch.close();
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.warn("Could not remove temporary file {}: {}", tmp, e.toString());
                }
            }
        };
    }

    @Override
    public List<BlobRef> copyBlobs(List<BlobRef> refs) throws IOException {
        List<BlobRef> out = new ArrayList<>(refs.size());
        for (BlobRef r : refs) {
            Path tmp = files.newTempFile();
            try (FileChannel src = FileChannel.open(blobsDir.resolve(r.id()), StandardOpenOption.READ);
                    FileChannel dst = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long pos = 0;
                while (pos < r.length()) {
                    pos += src.transferTo(pos, r.length() - pos, dst);
                }
                dst.force(true);
            }
            BlobRef copy = new BlobRef(UUID.randomUUID().toString(), r.length());
            files.publish(tmp, blobsDir.resolve(copy.id()));
            out.add(copy);
        }
        return out;
    }

    @Override
    public BlobRef copyRange(List<BlobRef> refs, long offset, long length, MessageDigest digest) throws IOException {
        Path tmp = files.newTempFile();
        ByteBuffer buffer = ByteBuffer.allocate(1024 * 1024);
        try (FileChannel dst = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long skip = offset;
            long want = length;
            for (BlobRef r : refs) {
                if (want == 0) {
                    break;
                }
                if (skip >= r.length()) {
                    skip -= r.length();
                    continue;
                }
                try (FileChannel src = FileChannel.open(blobsDir.resolve(r.id()), StandardOpenOption.READ)) {
                    long pos = skip;
                    long end = Math.min(r.length(), skip + want);
                    while (pos < end) {
                        buffer.clear().limit((int) Math.min(buffer.capacity(), end - pos));
                        int n = src.read(buffer, pos);
                        if (n < 0) {
                            throw new IOException("blob " + r.id() + " is shorter than recorded");
                        }
                        buffer.flip();
                        digest.update(buffer.duplicate());
                        while (buffer.hasRemaining()) {
                            dst.write(buffer);
                        }
                        pos += n;
                    }
                    want -= end - skip;
                }
                skip = 0;
            }
            dst.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        BlobRef ref = new BlobRef(UUID.randomUUID().toString(), length);
        files.publish(tmp, blobsDir.resolve(ref.id()));
        return ref;
    }

    @Override
    public void discard(List<BlobRef> refs) {
        for (BlobRef r : refs) {
            try {
                Files.deleteIfExists(blobsDir.resolve(r.id()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void read(List<BlobRef> refs, long offset, long length, List<Object> out) throws IOException {
        long skip = offset;
        long want = length;
        for (BlobRef r : refs) {
            if (want == 0) {
                return;
            }
            if (skip >= r.length()) {
                skip -= r.length();
                continue;
            }
            long n = Math.min(r.length() - skip, want);
            // opened now: an unlinked file stays readable through an open channel, so a concurrent delete is safe
            FileChannel ch = FileChannel.open(blobsDir.resolve(r.id()), StandardOpenOption.READ);
            out.add(new DefaultFileRegion(ch, skip, n));
            want -= n;
            skip = 0;
        }
    }

    @Override
    public void close() {
        // every write is durable when acknowledged; nothing to flush
    }
}
