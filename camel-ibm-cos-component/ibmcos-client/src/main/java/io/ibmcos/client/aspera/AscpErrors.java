package io.ibmcos.client.aspera;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ascp error codes (the {@code Code} of an ERROR frame): what they mean and whether trying again can help. The
 * retryable set is aspera-cli's ({@code management.rb}, {@code transfer/error.rb}); the meanings are the ones the
 * reference documents. Messages show ascp's {@code Description} verbatim, because ascp is known to report a
 * refused TCP connection as 44 although the table calls 44 a UDP failure.
 */
public final class AscpErrors {

    public static final int AUTHENTICATION = 19;
    public static final int CANCELLED = 28;
    public static final int STALLED = 40;

    private static final Set<Integer> RETRYABLE = Set.of(12, 13, 14, 15, 16, 17, 18, 23, 32, 33, 35, 36, 37, 39, 40,
            44, 45, 61);

    private static final Map<Integer, String> MEANING = Map.ofEntries(
            Map.entry(12, "control connection error (session initiation failed)"),
            Map.entry(13, "control connection timeout"),
            Map.entry(14, "UDP port error"),
            Map.entry(15, "UDP connection error"),
            Map.entry(16, "connection lost"),
            Map.entry(19, "authentication failed"),
            Map.entry(20, "nothing to transfer"),
            Map.entry(27, "some files failed"),
            Map.entry(28, "cancelled by user"),
            Map.entry(34, "unauthorized by the server"),
            Map.entry(37, "unauthorized"),
            Map.entry(38, "server aborted the session"),
            Map.entry(40, "transfer stalled"),
            Map.entry(41, "outside the docroot"),
            Map.entry(44, "session initiation fatal error (connection refused or UDP failure)"),
            Map.entry(51, "remote host key mismatch (sshfp)"));

    private AscpErrors() {
    }

    /** Whether a session that ended with {@code code} and {@code description} may be run again. */
    public static boolean retryable(int code, String description) {
        if (code == 14 && description != null
                && description.toLowerCase(Locale.ROOT).contains("target address not available")) {
            return false;
        }
        return RETRYABLE.contains(code);
    }

    /**
     * Whether the failure means the token was refused: authentication failure (19) or any description that names a
     * token (aspera-cli regenerates the token on "bearer token" errors). Fixed by a new delegated token and setup.
     */
    public static boolean tokenRejected(int code, String description) {
        return code == AUTHENTICATION
                || (description != null && description.toLowerCase(Locale.ROOT).contains("token"));
    }

    /** A short meaning of {@code code}, e.g. "transfer stalled". */
    public static String meaning(int code) {
        return MEANING.getOrDefault(code, "ascp error " + code);
    }
}
