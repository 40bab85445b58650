package io.ibmcos.emulator.storage;

import io.ibmcos.emulator.protocol.KeyOrder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The in-memory index shared by both stores: buckets, objects (sorted by UTF-8 key order), uploads and parts.
 * Subclasses decide where blob bytes live and get a hook for every metadata change so that they can persist it.
 */
abstract class IndexedStorage implements Storage {
    private final Object lock = new Object();
    protected final NavigableMap<String, BucketRecord> buckets = new ConcurrentSkipListMap<>();
    protected final Map<String, NavigableMap<String, ObjectRecord>> objects = new ConcurrentHashMap<>();
    protected final Map<String, UploadRecord> uploads = new ConcurrentHashMap<>();
    protected final Map<String, NavigableMap<Integer, PartRecord>> parts = new ConcurrentHashMap<>();

    protected abstract void persistBucket(BucketRecord bucket) throws IOException;

    protected abstract void removeBucketData(String bucket) throws IOException;

    protected abstract void persistObject(String bucket, ObjectRecord object) throws IOException;

    protected abstract void removeObjectData(String bucket, String key) throws IOException;

    protected abstract void persistUpload(UploadRecord upload) throws IOException;

    protected abstract void persistPart(String uploadId, PartRecord part) throws IOException;

    protected abstract void removeUploadData(String uploadId) throws IOException;

    @Override
    public Object lock() {
        return lock;
    }

    @Override
    public Collection<BucketRecord> buckets() {
        return List.copyOf(buckets.values());
    }

    @Override
    public Optional<BucketRecord> bucket(String name) {
        return Optional.ofNullable(buckets.get(name));
    }

    @Override
    public boolean createBucket(BucketRecord bucket) throws IOException {
        synchronized (lock) {
            if (buckets.containsKey(bucket.name())) {
                return false;
            }
            persistBucket(bucket);
            objects.put(bucket.name(), new ConcurrentSkipListMap<>(KeyOrder.INSTANCE));
            buckets.put(bucket.name(), bucket);
            return true;
        }
    }

    @Override
    public void updateBucket(BucketRecord bucket) throws IOException {
        synchronized (lock) {
            persistBucket(bucket);
            buckets.put(bucket.name(), bucket);
        }
    }

    @Override
    public void deleteBucket(String name) throws IOException {
        synchronized (lock) {
            for (UploadRecord u : uploads(name)) {
                removeUpload(u.uploadId(), List.of());
            }
            removeBucketData(name);
            buckets.remove(name);
            objects.remove(name);
        }
    }

    @Override
    public boolean isEmpty(String bucket) {
        NavigableMap<String, ObjectRecord> m = objects.get(bucket);
        return m == null || m.isEmpty();
    }

    @Override
    public Optional<ObjectRecord> object(String bucket, String key) {
        NavigableMap<String, ObjectRecord> m = objects.get(bucket);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(key));
    }

    @Override
    public Iterator<ObjectRecord> objects(String bucket, String from, boolean inclusive) {
        NavigableMap<String, ObjectRecord> m = objects.get(bucket);
        if (m == null) {
            return List.<ObjectRecord>of().iterator();
        }
        return (from == null ? m : m.tailMap(from, inclusive)).values().iterator();
    }

    @Override
    public void putObject(String bucket, ObjectRecord object) throws IOException {
        synchronized (lock) {
            NavigableMap<String, ObjectRecord> m = objects.get(bucket);
            if (m == null) {
                throw new IOException("bucket vanished: " + bucket);
            }
            persistObject(bucket, object);
            ObjectRecord old = m.put(object.key(), object);
            if (old != null) {
                List<BlobRef> stale = new ArrayList<>(old.blobs());
                stale.removeAll(object.blobs());
                discard(stale);
            }
        }
    }

    @Override
    public void updateObject(String bucket, ObjectRecord object) throws IOException {
        synchronized (lock) {
            NavigableMap<String, ObjectRecord> m = objects.get(bucket);
            if (m == null || !m.containsKey(object.key())) {
                throw new IOException("object vanished: " + bucket + "/" + object.key());
            }
            persistObject(bucket, object);
            m.put(object.key(), object);
        }
    }

    @Override
    public void deleteObject(String bucket, String key) throws IOException {
        synchronized (lock) {
            NavigableMap<String, ObjectRecord> m = objects.get(bucket);
            ObjectRecord old = m == null ? null : m.get(key);
            if (old != null) {
                removeObjectData(bucket, key);
                m.remove(key);
                discard(old.blobs());
            }
        }
    }

    @Override
    public void createUpload(UploadRecord upload) throws IOException {
        synchronized (lock) {
            persistUpload(upload);
            parts.put(upload.uploadId(), new ConcurrentSkipListMap<>());
            uploads.put(upload.uploadId(), upload);
        }
    }

    @Override
    public Optional<UploadRecord> upload(String uploadId) {
        return Optional.ofNullable(uploads.get(uploadId));
    }

    @Override
    public Collection<UploadRecord> uploads(String bucket) {
        List<UploadRecord> out = new ArrayList<>();
        for (UploadRecord u : uploads.values()) {
            if (u.bucket().equals(bucket)) {
                out.add(u);
            }
        }
        return out;
    }

    @Override
    public void putPart(String uploadId, PartRecord part) throws IOException {
        synchronized (lock) {
            NavigableMap<Integer, PartRecord> m = parts.get(uploadId);
            if (m == null) {
                throw new IOException("upload vanished: " + uploadId);
            }
            persistPart(uploadId, part);
            PartRecord old = m.put(part.partNumber(), part);
            if (old != null && !old.blob().equals(part.blob())) {
                discard(List.of(old.blob()));
            }
        }
    }

    @Override
    public List<PartRecord> parts(String uploadId) {
        NavigableMap<Integer, PartRecord> m = parts.get(uploadId);
        return m == null ? List.of() : List.copyOf(m.values());
    }

    @Override
    public void removeUpload(String uploadId, Collection<BlobRef> keep) throws IOException {
        synchronized (lock) {
            NavigableMap<Integer, PartRecord> m = parts.remove(uploadId);
            uploads.remove(uploadId);
            removeUploadData(uploadId);
            if (m != null) {
                Set<BlobRef> kept = new HashSet<>(keep);
                List<BlobRef> free = new ArrayList<>();
                for (PartRecord p : m.values()) {
                    if (!kept.contains(p.blob())) {
                        free.add(p.blob());
                    }
                }
                discard(free);
            }
        }
    }
}
