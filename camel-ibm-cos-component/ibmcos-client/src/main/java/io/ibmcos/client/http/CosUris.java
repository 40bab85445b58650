package io.ibmcos.client.http;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Builds request URIs, path style ({@code https://endpoint/bucket/key}) or virtual-host style
 * ({@code https://bucket.endpoint/key}). Keys keep their '/' separators and are otherwise percent-encoded with the
 * same {@link UriEncoding} the signer uses, so what is signed is exactly what is sent.
 */
public final class CosUris {

    private final URI endpoint;
    private final boolean pathStyle;
    private final String basePath;

    public CosUris(URI endpoint, boolean pathStyle) {
        this.endpoint = endpoint;
        this.pathStyle = pathStyle;
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The encoded path, also the SigV4 canonical URI. */
    public String encodedPath(String bucket, String key) {
        StringBuilder sb = new StringBuilder(basePath);
        if (bucket != null && pathStyle) {
            sb.append('/').append(UriEncoding.encode(bucket, false));
        }
        if (key != null) {
            sb.append('/').append(UriEncoding.encode(key, true));
        } else if (bucket == null || pathStyle) {
            // "/" for the service root; path-style bucket URLs have no trailing slash
            if (sb.length() == 0) {
                sb.append('/');
            }
        }
        if (sb.length() == 0) {
            sb.append('/');
        }
        return sb.toString();
    }

    /** Host header value (with the port when it is not the scheme's default), as the HTTP client will send it. */
    public String host(String bucket) {
        String host = endpoint.getHost();
        if (!pathStyle && bucket != null) {
            host = bucket + "." + host;
        }
        int port = endpoint.getPort();
        if (port == -1 || (port == 443 && "https".equalsIgnoreCase(endpoint.getScheme()))
                || (port == 80 && "http".equalsIgnoreCase(endpoint.getScheme()))) {
            return host;
        }
        return host + ":" + port;
    }

    public URI uri(String bucket, String key, List<Map.Entry<String, String>> query) {
        StringBuilder sb = new StringBuilder();
        sb.append(endpoint.getScheme()).append("://").append(host(bucket)).append(encodedPath(bucket, key));
        if (!query.isEmpty()) {
            sb.append('?');
            boolean first = true;
            for (Map.Entry<String, String> q : query) {
                if (!first) {
                    sb.append('&');
                }
                first = false;
                sb.append(UriEncoding.encode(q.getKey(), false));
                if (!q.getValue().isEmpty()) {
                    sb.append('=').append(UriEncoding.encode(q.getValue(), false));
                }
            }
        }
        return URI.create(sb.toString());
    }
}
