package io.ibmcos.emulator.aspera;

import io.ibmcos.emulator.protocol.Operation;

/**
 * Paths of the Aspera stand-ins, all under {@value #PREFIX} (a bucket name cannot start with {@code _}, so no
 * bucket is shadowed). The ATS endpoint announced by {@code ?faspConnectionInfo} is {@code http://HOST:PORT/_aspera}:
 * <ul>
 *   <li>{@code POST /_aspera/files/upload_setup}, {@code POST /_aspera/files/download_setup}: ATS;</li>
 *   <li>{@code GET /_aspera/session}, {@code PUT|GET /_aspera/data/{bucket}/{key}},
 *       {@code GET /_aspera/list/{bucket}?prefix=}: the data path the test {@code ascp} stand-in uses in place of
 *       FASP, authorised by the transfer token ATS issued.</li>
 * </ul>
 */
public final class AsperaRoutes {

    public static final String PREFIX = "/_aspera";
    static final String DATA = PREFIX + "/data/";
    static final String LIST = PREFIX + "/list/";

    private AsperaRoutes() {
    }

    /** The Aspera operation for this request, or null when the path is not an Aspera one. */
    public static Operation special(String method, String rawPath) {
        if (!rawPath.startsWith(PREFIX + "/")) {
            return null;
        }
        if ("POST".equals(method) && rawPath.equals(PREFIX + "/files/upload_setup")) {
            return Operation.AtsUploadSetup;
        }
        if ("POST".equals(method) && rawPath.equals(PREFIX + "/files/download_setup")) {
            return Operation.AtsDownloadSetup;
        }
        if ("GET".equals(method) && rawPath.equals(PREFIX + "/session")) {
            return Operation.AsperaSession;
        }
        if (rawPath.startsWith(DATA) && "PUT".equals(method)) {
            return Operation.AsperaPut;
        }
        if (rawPath.startsWith(DATA) && "GET".equals(method)) {
            return Operation.AsperaGet;
        }
        if (rawPath.startsWith(LIST) && "GET".equals(method)) {
            return Operation.AsperaList;
        }
        return null;
    }
}
