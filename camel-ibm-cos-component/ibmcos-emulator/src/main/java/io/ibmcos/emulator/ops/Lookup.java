package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.storage.BucketRecord;
import io.ibmcos.emulator.storage.ObjectRecord;
import io.ibmcos.emulator.storage.Storage;

/** Finds buckets and objects or fails with the S3 error. */
final class Lookup {
    private Lookup() {
    }

    static BucketRecord bucket(Storage storage, String name) {
        return storage.bucket(name).orElseThrow(CosException::noSuchBucket);
    }

    static ObjectRecord object(Storage storage, String bucket, String key) {
        bucket(storage, bucket);
        return storage.object(bucket, key).orElseThrow(CosException::noSuchKey);
    }

    static int maxKeys(String value, String name) {
        if (value == null || value.isEmpty()) {
            return 1000;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw CosException.invalidArgument(name + " must not be negative");
            }
            return Math.min(n, 1000);
        } catch (NumberFormatException e) {
            throw CosException.invalidArgument("Provided " + name + " not an integer or within integer range");
        }
    }
}
