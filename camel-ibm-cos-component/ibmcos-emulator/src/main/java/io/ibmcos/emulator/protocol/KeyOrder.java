package io.ibmcos.emulator.protocol;

import java.util.Comparator;

/**
 * Orders object keys by their UTF-8 bytes, as S3 listings and markers do. Comparing Unicode code points gives
 * exactly the UTF-8 byte order (String.compareTo compares UTF-16 units, which differs for supplementary
 * characters versus U+E000..U+FFFF), without encoding every key.
 */
public final class KeyOrder implements Comparator<String> {
    public static final KeyOrder INSTANCE = new KeyOrder();

    private KeyOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
