package io.ibmcos.camel.consumer;

import io.ibmcos.camel.IbmCosConfiguration;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.model.CopyObjectRequest;
import io.ibmcos.client.model.ObjectMetadata;

/**
 * What happens to an object after its exchange completed successfully: nothing (the default), delete, or move. A
 * failure throws; the consumer then reports it and leaves the object (unrecorded) for the next poll.
 */
public sealed interface PostReadAction {

    /** Applies the action to the delivered version of the object. */
    void apply(CosClient client, String bucket, String key, String eTag, long size);

    /** Whether the action removes the object from the listing: then the removal itself is the commit. */
    default boolean removesObject() {
        return true;
    }

    /** Whether the key is where this action puts moved objects, so the consumer must not take it up again. */
    default boolean isDestination(String bucket, String key) {
        return false;
    }

    /** The action the options ask for; throws when they are contradictory (a move onto the object itself). */
    static PostReadAction of(IbmCosConfiguration c) {
        if (c.isMoveAfterRead()) {
            Move move = new Move(c.getDestinationBucket() == null || c.getDestinationBucket().isEmpty()
                    ? c.getBucketName() : c.getDestinationBucket(),
                    nonNull(c.getDestinationBucketPrefix()), nonNull(c.getDestinationBucketSuffix()),
                    c.isRemovePrefixOnMove() ? nonNull(c.getPrefix()) : "");
            if (move.bucket().equals(c.getBucketName()) && move.isIdentity()) {
                throw new IllegalArgumentException("moveAfterRead would move every object of bucket "
                        + c.getBucketName() + " onto itself: set destinationBucket, destinationBucketPrefix or "
                        + "destinationBucketSuffix");
            }
            return move;
        }
        return c.isDeleteAfterRead() ? new Delete() : new None();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** Non-destructive: the idempotent repository alone remembers the object. */
    record None() implements PostReadAction {
        @Override
        public void apply(CosClient client, String bucket, String key, String eTag, long size) {
        }

        @Override
        public boolean removesObject() {
            return false;
        }
    }

    record Delete() implements PostReadAction {
        @Override
        public void apply(CosClient client, String bucket, String key, String eTag, long size) {
            client.deleteObject(bucket, key);
        }
    }

    /**
     * Copy (only if the source still has the delivered ETag), verify the copy by HEAD, then delete the source. A
     * failed copy or verification deletes nothing; a failed delete leaves the object in both places, and it is
     * delivered again.
     */
    record Move(String bucket, String prefix, String suffix, String removedPrefix) implements PostReadAction {

        public String destinationKey(String key) {
            String base = !removedPrefix.isEmpty() && key.startsWith(removedPrefix)
                    ? key.substring(removedPrefix.length()) : key;
            return prefix + base + suffix;
        }

        boolean isIdentity() {
            return suffix.isEmpty() && prefix.equals(removedPrefix);
        }

        @Override
        public boolean isDestination(String sourceBucket, String key) {
            // in the same bucket, moved objects would be listed again and moved again (done/done/...): skip them
            return sourceBucket.equals(bucket) && !(prefix.isEmpty() && suffix.isEmpty())
                    && key.startsWith(prefix) && key.endsWith(suffix);
        }

        @Override
        public void apply(CosClient client, String sourceBucket, String key, String eTag, long size) {
            String target = destinationKey(key);
            if (sourceBucket.equals(bucket) && target.equals(key)) {
                throw new IllegalStateException("Refusing to move object " + key + " of bucket " + sourceBucket
                        + " onto itself");
            }
            client.copyObject(CopyObjectRequest.of(sourceBucket, key, bucket, target).withSourceIfMatch(eTag));
            ObjectMetadata copy = client.headObject(bucket, target);
            boolean sameContent = copy.contentLength() == size
                    // a copied multipart object may get a plain MD5 ETag: compare ETags of single-part sources only
                    && (eTag == null || eTag.contains("-") || eTag.equals(copy.eTag()));
            if (!sameContent) {
                throw new IllegalStateException("The copy of object " + key + " in bucket " + bucket + " as " + target
                        + " does not match the source (size " + copy.contentLength() + " vs " + size + ", ETag "
                        + copy.eTag() + " vs " + eTag + "); the source was not deleted");
            }
            client.deleteObject(sourceBucket, key);
        }
    }
}
