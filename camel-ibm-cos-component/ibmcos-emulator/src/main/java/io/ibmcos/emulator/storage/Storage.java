package io.ibmcos.emulator.storage;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Where buckets, objects and multipart uploads live. The protocol code is the same for the in-memory and the
 * on-disk store. Implementations are thread-safe per call; sequences of calls that must be atomic (check a
 * protection, then overwrite) are serialised by the caller through {@link #lock()}.
 * <p>
 * Blob ownership: a committed blob belongs to nobody until it is handed over in {@link #putObject} or
 * {@link #putPart}; from then on the store frees it when the object/part is replaced or deleted. Unowned blobs
 * must be returned with {@link #discard}.
 */
public interface Storage extends AutoCloseable {

    Object lock();

    Collection<BucketRecord> buckets();

    Optional<BucketRecord> bucket(String name);

    /** Returns false when a bucket of that name exists already. */
    boolean createBucket(BucketRecord bucket) throws IOException;

    void updateBucket(BucketRecord bucket) throws IOException;

    void deleteBucket(String name) throws IOException;

    boolean isEmpty(String bucket);

    Optional<ObjectRecord> object(String bucket, String key);

    /** Objects from key {@code from} (null = from the start) on, in UTF-8 byte order. */
    Iterator<ObjectRecord> objects(String bucket, String from, boolean inclusive);

    /** Stores or replaces an object; blobs of a replaced object that the new one does not reuse are freed. */
    void putObject(String bucket, ObjectRecord object) throws IOException;

    /** Replaces only metadata (holds, retention) of an existing object; the blobs must be the same. */
    void updateObject(String bucket, ObjectRecord object) throws IOException;

    void deleteObject(String bucket, String key) throws IOException;

    BlobWriter newBlob() throws IOException;

    /** Independent copies of the given blobs (the in-memory store shares the immutable bytes). */
    List<BlobRef> copyBlobs(List<BlobRef> blobs) throws IOException;

    void discard(List<BlobRef> blobs);

    /**
     * A new, unowned blob holding {@code length} bytes of the concatenated {@code blobs} from {@code offset}
     * (server-side copy of a byte range); every copied byte is also fed to {@code digest}.
     */
    BlobRef copyRange(List<BlobRef> blobs, long offset, long length, MessageDigest digest) throws IOException;

    /**
     * Appends Netty messages (ByteBuf or FileRegion) holding {@code length} bytes of the concatenated blobs
     * starting at {@code offset}. The messages stay valid even if the object is deleted meanwhile.
     */
    void read(List<BlobRef> blobs, long offset, long length, List<Object> out) throws IOException;

    void createUpload(UploadRecord upload) throws IOException;

    Optional<UploadRecord> upload(String uploadId);

    Collection<UploadRecord> uploads(String bucket);

    /** Stores a part, replacing (and freeing) an earlier part with the same number. */
    void putPart(String uploadId, PartRecord part) throws IOException;

    /** Parts in ascending part-number order. */
    List<PartRecord> parts(String uploadId);

    /**
     * Removes an upload. Blobs of parts listed in {@code keep} now belong to an object and survive; all other
     * part blobs are freed.
     */
    void removeUpload(String uploadId, Collection<BlobRef> keep) throws IOException;

    @Override
    void close();
}
