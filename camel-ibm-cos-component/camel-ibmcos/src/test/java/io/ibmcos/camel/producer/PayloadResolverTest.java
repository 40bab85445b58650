package io.ibmcos.camel.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.model.Payload;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;
import org.apache.camel.converter.stream.InputStreamCache;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Known length wherever it can be had without reading the data; unknown-length streams stay streams. */
class PayloadResolverTest {

    private final CamelContext context = new DefaultCamelContext();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    private PayloadResolver.ResolvedPayload resolve(Object body) {
        Exchange e = new DefaultExchange(context);
        e.getMessage().setBody(body);
        return PayloadResolver.resolve(e);
    }

    @Test
    void stringUsesUtf8ByDefault() {
        Payload p = resolve("héllo").payload();
        assertThat(p.length()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8).length);
        assertThat(p.replayable()).isTrue();
    }

    @Test
    void stringUsesTheExchangeCharset() {
        Exchange e = new DefaultExchange(context);
        e.setProperty(Exchange.CHARSET_NAME, "ISO-8859-1");
        e.getMessage().setBody("héllo");
        assertThat(PayloadResolver.resolve(e).payload().length()).isEqualTo(5);
    }

    @Test
    void bytes() {
        assertThat(resolve(new byte[] { 1, 2, 3 }).payload()).isInstanceOf(Payload.Bytes.class)
                .extracting(Payload::length).isEqualTo(3L);
    }

    @Test
    void fileAndPathAreReadByOffsetAndRemembered() throws Exception {
        Path f = Files.write(dir.resolve("f.bin"), new byte[1234]);
        for (Object body : new Object[] { f, f.toFile() }) {
            PayloadResolver.ResolvedPayload r = resolve(body);
            assertThat(r.payload()).isInstanceOf(Payload.FileRegion.class);
            assertThat(r.payload().length()).isEqualTo(1234);
            assertThat(r.localFile()).isEqualTo(f);
        }
    }

    @Test
    void wrappedFileUploadsTheLocalFile() throws Exception {
        Path f = Files.write(dir.resolve("w.bin"), new byte[10]);
        WrappedFile<File> wrapped = new WrappedFile<File>() {
            @Override
            public File getFile() {
                return f.toFile();
            }

            @Override
            public Object getBody() {
                throw new AssertionError("the file itself should be uploaded, not its loaded body");
            }

            // abstract from Camel 4.18 on, absent before: no @Override so the test compiles on both
            public long getFileLength() {
                return 10;
            }
        };
        assertThat(resolve(wrapped).payload().length()).isEqualTo(10);
    }

    @Test
    void streamWithoutLengthStaysAStreamOfUnknownLength() {
        InputStream in = new ByteArrayInputStream(new byte[100]) {
            @Override
            public byte[] readAllBytes() {
                throw new AssertionError("an unknown-length stream must not be read into memory");
            }
        };
        Payload p = resolve(in).payload();
        assertThat(p.length()).isEqualTo(-1);
        assertThat(((Payload.Stream) p).in()).isSameAs(in);
    }

    @Test
    void streamLengthFromHeader() {
        Exchange e = new DefaultExchange(context);
        e.getMessage().setBody(new ByteArrayInputStream(new byte[42]));
        e.getMessage().setHeader(IbmCosConstants.CONTENT_LENGTH, "42");
        assertThat(PayloadResolver.resolve(e).payload().length()).isEqualTo(42);
    }

    @Test
    void streamCacheKnowsItsLength() {
        assertThat(resolve(new InputStreamCache(new byte[77])).payload().length()).isEqualTo(77);
    }

    @Test
    void otherTypesAreConverted() {
        assertThat(resolve(java.nio.ByteBuffer.wrap(new byte[] { 1, 2, 3 })).payload().length()).isEqualTo(3);
    }

    @Test
    void noBodyFails() {
        assertThatThrownBy(() -> resolve(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("message body");
    }
}
