package io.ibmcos.camel.integration.aspera.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** The emulator's Aspera data path, authorised by the transfer token of the spec. */
final class DataPath {

    /** The emulator refused the token (ascp reports such a refusal as code 19). */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private static final int CHUNK = 64 * 1024;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    DataPath(String host, int port, String token) {
        this.base = "http://" + host + ":" + port + "/_aspera";
        this.token = token == null ? "" : token;
    }

    /** Validates the token; returns its bucket. */
    String session() throws IOException, Refused {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/session")).GET(),
                HttpResponse.BodyHandlers.ofString());
        for (String line : r.body().split("\n")) {
            if (line.startsWith("bucket: ")) {
                return line.substring(8);
            }
        }
        throw new IOException("session answer without bucket");
    }

    /** Objects under {@code prefix} (key → size) in key order. */
    Map<String, Long> list(String bucket, String prefix) throws IOException, Refused {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/list/" + enc(bucket) + "?prefix="
                + URLEncoder.encode(prefix, StandardCharsets.UTF_8))).GET(), HttpResponse.BodyHandlers.ofString());
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : r.body().split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                out.put(URLDecoder.decode(line.substring(space + 1), StandardCharsets.UTF_8),
                        Long.parseLong(line.substring(0, space)));
            }
        }
        return out;
    }

    void put(String bucket, AscpStandIn.Item item, Progress progress) throws IOException, Refused {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> counting(item.local(), progress)), item.size());
        send(HttpRequest.newBuilder(URI.create(base + "/data/" + enc(bucket) + "/" + enc(item.key()))).PUT(body),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Downloads into {@code <file>.partial} (ascp's partial suffix) and renames when complete. */
    void get(String bucket, AscpStandIn.Item item, Progress progress) throws IOException, Refused {
        HttpResponse<InputStream> r = send(HttpRequest.newBuilder(URI.create(base + "/data/" + enc(bucket) + "/"
                + enc(item.key()))).GET(), HttpResponse.BodyHandlers.ofInputStream());
        Files.createDirectories(item.local().getParent());
        Path partial = item.local().resolveSibling(item.local().getFileName() + ".partial");
        try (InputStream in = r.body(); OutputStream out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[CHUNK];
            int n;
            while ((n = in.readNBytes(buffer, 0, CHUNK)) > 0) {
                out.write(buffer, 0, n);
                progress.chunk(n);
            }
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, item.local(), StandardCopyOption.REPLACE_EXISTING);
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler)
            throws IOException, Refused {
        HttpResponse<T> r;
        try {
            r = http.send(b.header("X-Aspera-Transfer-Token", token).build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw new Refused("HTTP " + r.statusCode());
        }
        if (r.statusCode() / 100 != 2) {
            throw new IOException("data path answered HTTP " + r.statusCode());
        }
        return r;
    }

    /** The file as a stream that reports every chunk read (and fails when the transfer is cancelled). */
    private static InputStream counting(Path file, Progress progress) {
        try {
            InputStream in = Files.newInputStream(file);
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = in.read(b, off, Math.min(len, CHUNK));
                    if (n > 0) {
                        progress.chunk(n);
                    }
                    return n;
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }
}
