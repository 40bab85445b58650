package io.ibmcos.emulator.protocol;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the bucket named by a virtual-host style Host header ({@code bucket.localhost:9000},
 * {@code bucket.127.0.0.1:9000}, {@code bucket.<configured host>}, {@code bucket.s3.<region>.<domain>}); returns
 * null for path-style hosts (an IP literal, localhost, the configured host name, anything else).
 */
public final class Addressing {
    private static final Pattern IPV4_SUFFIX = Pattern.compile("^(.+)\\.(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})$");
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$");

    private final String configuredHost;

    public Addressing(String configuredHost) {
        this.configuredHost = configuredHost == null ? "" : configuredHost.toLowerCase(Locale.ROOT);
    }

    public String virtualHostBucket(String hostHeader) {
        if (hostHeader == null || hostHeader.isEmpty() || hostHeader.startsWith("[")) {
            return null;
        }
        String host = hostHeader.toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        if (IPV4.matcher(host).matches() || host.equals("localhost") || host.equals(configuredHost)) {
            return null;
        }
        if (host.endsWith(".localhost")) {
            return host.substring(0, host.length() - ".localhost".length());
        }
        var ip = IPV4_SUFFIX.matcher(host);
        if (ip.matches()) {
            return ip.group(1);
        }
        if (!configuredHost.isEmpty() && host.endsWith("." + configuredHost)) {
            return host.substring(0, host.length() - configuredHost.length() - 1);
        }
        int s3 = host.indexOf(".s3.");
        if (s3 > 0) {
            return host.substring(0, s3);
        }
        return null;
    }
}
