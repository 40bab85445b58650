package io.ibmcos.client.transfer;

import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.HmacCredentials;
import java.io.InputStream;
import java.net.URI;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Run in a separate JVM with a small heap by {@link BoundedHeapUploadIT}: uploads a generated stream of unknown
 * length and prints its SHA-256 and the peak heap, so the test can prove memory stays bounded.
 * Args: endpoint accessKey secretKey bucket key bytes partSize concurrency.
 */
public final class BoundedHeapUploadMain {

    private BoundedHeapUploadMain() {
    }

    public static void main(String[] args) throws Exception {
        long bytes = Long.parseLong(args[5]);
        UploadSettings settings = new UploadSettings(Long.parseLong(args[6]), Long.parseLong(args[6]),
                Integer.parseInt(args[7]), false);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (DefaultCosClient client = new DefaultCosClient(CosClientConfig.builder().endpoint(URI.create(args[0]))
                .credentials(new HmacCredentials(args[1], args[2])).build());
                MultipartUploader uploader = new MultipartUploader(client, settings);
                InputStream in = new DigestInputStream(new GeneratedStream(bytes, 42), sha)) {
            UploadResult result = uploader.upload(UploadRequest.ofStream(args[3], args[4], in, -1));
            System.out.println("SHA256=" + HexFormat.of().formatHex(sha.digest()));
            System.out.println("PARTS=" + result.partCount());
            System.out.println("BUFFERS=" + result.buffersAllocated());
            System.out.println("MAXHEAP=" + Runtime.getRuntime().maxMemory());
        }
    }

    /** Deterministic pseudo-random bytes without holding them: xorshift per 8-byte word. */
    static final class GeneratedStream extends InputStream {
        private long remaining;
        private long state;
        private long word;
        private int wordLeft;

        GeneratedStream(long length, long seed) {
            this.remaining = length;
            this.state = seed == 0 ? 1 : seed;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                if (wordLeft == 0) {
                    state ^= state << 13;
                    state ^= state >>> 7;
                    state ^= state << 17;
                    word = state;
                    wordLeft = 8;
                }
                b[off + i] = (byte) word;
                word >>>= 8;
                wordLeft--;
            }
            remaining -= n;
            return n;
        }
    }
}
