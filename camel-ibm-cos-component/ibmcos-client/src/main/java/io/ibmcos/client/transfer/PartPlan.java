package io.ibmcos.client.transfer;

/**
 * How an upload is cut into parts. COS allows parts of 5 MiB to 5 GiB (the last may be smaller) and at most
 * 10 000 parts, so for a known length the part size is raised to {@code ceil(length / 10 000)} when the configured
 * one would need more parts. For an unknown length the configured size is used and the upload fails with a clear
 * message before part 10 001.
 *
 * @param partSize  bytes per part (all but the last)
 * @param partCount number of parts, or -1 when the length is unknown
 * @param length    total bytes, or -1 when unknown
 */
public record PartPlan(long partSize, int partCount, long length) {

    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
    public static final int MAX_PARTS = 10_000;
    /** Largest object a multipart upload can produce. */
    public static final long MAX_OBJECT_SIZE = MAX_PART_SIZE * MAX_PARTS;

    /** A plan for a source whose length is known. */
    public static PartPlan forLength(long length, long configuredPartSize) {
        if (length < 0) {
            throw new IllegalArgumentException("Length must be >= 0, but was " + length);
        }
        if (length > MAX_OBJECT_SIZE) {
            throw new IllegalArgumentException("Object of " + length + " bytes exceeds the largest multipart upload ("
                    + MAX_PARTS + " parts of 5 GiB)");
        }
        long partSize = clamp(Math.max(configuredPartSize, ceilDiv(length, MAX_PARTS)));
        int count = length == 0 ? 1 : (int) ceilDiv(length, partSize);
        return new PartPlan(partSize, count, length);
    }

    /** A plan for a stream of unknown length: fixed part size, count discovered while reading. */
    public static PartPlan forUnknownLength(long configuredPartSize) {
        return new PartPlan(clamp(configuredPartSize), -1, -1);
    }

    /** Bytes of part {@code partNumber} (1-based) for a known length. */
    public long sizeOfPart(int partNumber) {
        if (length < 0) {
            throw new IllegalStateException("Part sizes of an unknown-length upload are only known while reading");
        }
        if (partNumber < 1 || partNumber > partCount) {
            throw new IllegalArgumentException("Part " + partNumber + " is outside 1.." + partCount);
        }
        return partNumber < partCount ? partSize : length - partSize * (partCount - 1);
    }

    /** Offset of part {@code partNumber} (1-based). */
    public long offsetOfPart(int partNumber) {
        return partSize * (partNumber - 1);
    }

    /** Fails before a part beyond COS's limit is read, naming the option that fixes it. */
    public void checkPartNumber(int partNumber) {
        if (partNumber > MAX_PARTS) {
            throw new IllegalStateException("The stream is longer than " + MAX_PARTS + " parts of " + partSize
                    + " bytes (" + (partSize * MAX_PARTS) + " bytes): raise the part size (option partSize) or give "
                    + "the content length so the part size can be chosen up front");
        }
    }

    static long clamp(long size) {
        return Math.min(MAX_PART_SIZE, Math.max(MIN_PART_SIZE, size));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
