package io.ibmcos.client.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.client.error.CosClientException;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.error.ErrorMapper;
import io.ibmcos.client.model.BucketListing;
import io.ibmcos.client.model.CompletedPart;
import io.ibmcos.client.model.DeleteObjectsResult;
import io.ibmcos.client.model.ObjectListing;
import io.ibmcos.client.model.PartListing;
import io.ibmcos.client.model.ProtectionConfiguration;
import io.ibmcos.client.model.RetentionState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Codecs against golden documents shaped like IBM's answers (and the variants the sources disagree on). */
class XmlCodecsTest {

    static byte[] golden(String name) throws IOException {
        try (InputStream in = XmlCodecsTest.class.getResourceAsStream("/xml/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void ibmErrorBodyIncludingHttpStatusCode() throws IOException {
        ErrorXml e = ErrorXml.parseOrNull(golden("error-ibm.xml"));
        assertThat(e.code()).isEqualTo("BucketNotEmpty");
        assertThat(e.httpStatusCode()).isEqualTo(409);
        CosServiceException mapped = ErrorMapper.map(409, golden("error-ibm.xml"), "hdr-id", "/apiary", false);
        assertThat(mapped.errorCode()).isEqualTo("BucketNotEmpty");
        assertThat(mapped.requestId()).isEqualTo("9d2bbc00-2827-4210-b40a-8107863f4386");
        assertThat(mapped.resource()).isEqualTo("/apiary/");
        assertThat(mapped.getMessage()).contains("409", "BucketNotEmpty", "not empty");
    }

    @Test
    void nonXmlErrorBodiesFallBackToSyntheticCodes() {
        CosServiceException e = ErrorMapper.map(502, "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8), null,
                "/b/k", true);
        assertThat(e.errorCode()).isEqualTo("InternalError");
        assertThat(ErrorMapper.map(404, new byte[0], null, "/b", false).errorCode()).isEqualTo("NoSuchBucket");
        assertThat(ErrorMapper.map(304, new byte[0], null, "/b/k", true).errorCode()).isEqualTo("NotModified");
    }

    @Test
    void legalHoldsUnderEitherWrapper() throws IOException {
        RetentionState a = LegalHoldXml.parse(golden("legal-holds-legalholds.xml"));
        assertThat(a.retentionPeriod()).isEqualTo(220752000L);
        assertThat(a.createTime()).isEqualTo(Instant.parse("2018-09-08T21:33:08Z"));
        assertThat(a.retentionPeriodExpirationDate()).isEqualTo(Instant.parse("2023-09-01T21:33:08Z"));
        assertThat(a.legalHolds()).extracting(h -> h.id()).containsExactly("SomeLegalHoldID", "case-2(b)");
        assertThat(a.legalHolds().get(0).date()).isEqualTo(Instant.parse("2018-09-08T23:13:18Z"));

        RetentionState b = LegalHoldXml.parse(golden("legal-holds-legalholdset.xml"));
        assertThat(b.retentionPeriod()).isEqualTo(-1L);
        assertThat(b.legalHolds()).extracting(h -> h.id()).containsExactly("SomeLegalHoldID");
        assertThat(b.retentionPeriodExpirationDate()).isNull();
    }

    @Test
    void listV2WithContinuationAndUrlEncodedKeys() throws IOException {
        ObjectListing page = ListObjectsXml.parse(golden("list-v2-page1.xml"));
        assertThat(page.truncated()).isTrue();
        assertThat(page.nextContinuationToken()).isEqualTo("1dPe45g5uuxjHASGEIvkxXVTJNjQhZfdnL8ZE0cLtXQ5KFVeMrcQKNT9");
        assertThat(page.prefix()).isEqualTo("docs/");
        assertThat(page.objects()).extracting(o -> o.key()).containsExactly("docs/a b+c.txt", "docs/日本");
        assertThat(page.objects().get(0).eTag()).isEqualTo("0cbc6611f5540bd0809a388dc95a615b");
        assertThat(page.objects().get(1).eTag()).endsWith("-2").doesNotContain("\"");
        assertThat(page.objects().get(1).size()).isEqualTo(10485760L);
        assertThat(page.objects().get(1).ownerId()).isEqualTo("owner-1");

        ObjectListing last = ListObjectsXml.parse(golden("list-v2-last.xml"));
        assertThat(last.truncated()).isFalse();
        assertThat(last.nextContinuationToken()).isNull();
        assertThat(last.commonPrefixes()).containsExactly("photos/");
        assertThat(last.delimiter()).isEqualTo("/");
    }

    @Test
    void extendedBucketListingWithLocations() throws IOException {
        BucketListing listing = BucketsXml.parse(golden("buckets-extended.xml"));
        assertThat(listing.buckets()).extracting(b -> b.locationConstraint())
                .containsExactly("us-south-standard", "us-standard");
        assertThat(listing.buckets().get(1).creationTemplateId()).isEqualTo("template-1");
        assertThat(listing.truncated()).isTrue();
        assertThat(listing.nextMarker()).isEqualTo("bucket-27590-drqmydpfdv");
        assertThat(listing.buckets().get(0).creationDate()).isEqualTo(Instant.parse("2016-08-18T14:21:36.593Z"));
    }

    @Test
    void deleteRequestEscapesKeysAndResultReportsErrors() throws IOException {
        String request = new String(DeleteObjectsXml.request(List.of("a.txt", "b & c.txt", "<x>"), false),
                StandardCharsets.UTF_8);
        assertThat(request).contains("<Key>b &amp; c.txt</Key>", "<Key>&lt;x&gt;</Key>").doesNotContain("Quiet");
        DeleteObjectsResult result = DeleteObjectsXml.parse(golden("delete-result.xml"));
        assertThat(result.deleted()).containsExactly("a.txt", "b & c.txt");
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("held.txt");
            assertThat(e.code()).isEqualTo("AccessDenied");
        });
    }

    @Test
    void protectionConfigurationRoundTrip() throws IOException {
        ProtectionConfiguration parsed = ProtectionXml.parse(golden("protection.xml"));
        assertThat(parsed).isEqualTo(ProtectionConfiguration.retention(1, 30, 365, true));
        String written = new String(ProtectionXml.write(parsed), StandardCharsets.UTF_8);
        assertThat(written).contains("<Status>Retention</Status>", "<MinimumRetention><Days>1</Days></MinimumRetention>",
                "<DefaultRetention><Days>30</Days></DefaultRetention>",
                "<MaximumRetention><Days>365</Days></MaximumRetention>",
                "<EnablePermanentRetention>true</EnablePermanentRetention>");
        assertThat(ProtectionXml.parse("<ProtectionConfiguration><Status>Disabled</Status></ProtectionConfiguration>"
                .getBytes(StandardCharsets.UTF_8)).enabled()).isFalse();
    }

    @Test
    void multipartDocuments() throws IOException {
        String complete = new String(MultipartXml.completeRequest(List.of(new CompletedPart(2, "bb"),
                new CompletedPart(1, "\"aa\""))), StandardCharsets.UTF_8);
        assertThat(complete).contains("<Part><PartNumber>1</PartNumber><ETag>\"aa\"</ETag></Part>"
                + "<Part><PartNumber>2</PartNumber><ETag>\"bb\"</ETag></Part>");
        PartListing parts = MultipartXml.parseParts(golden("list-parts.xml"));
        assertThat(parts.truncated()).isTrue();
        assertThat(parts.nextPartNumberMarker()).isEqualTo(1);
        assertThat(parts.parts().get(0).eTag()).isEqualTo("7417ca8d45a71b692168f0419c17fe2f");
    }

    @Test
    void hostileOrEmptyDocumentsAreClearErrors() {
        assertThatThrownBy(() -> ListObjectsXml.parse(new byte[0])).isInstanceOf(CosClientException.class)
                .hasMessageContaining("ListBucketResult");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<ListBucketResult><Name>&e;</Name></ListBucketResult>";
        assertThatThrownBy(() -> ListObjectsXml.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CosClientException.class);
    }

    @Test
    void datesInEveryFormTheSourcesUse() {
        Instant t = Instant.parse("2017-02-08T17:50:00Z");
        assertThat(CosDates.parse("Wed, 08 Feb 2017 17:50:00 GMT")).isEqualTo(t);
        assertThat(CosDates.parse("2017-02-08T17:50:00Z")).isEqualTo(t);
        assertThat(CosDates.parse("2017-02-08T17:50:00.000Z")).isEqualTo(t);
        assertThat(CosDates.parse("20170208T175000Z")).isEqualTo(t);
        assertThat(CosDates.iso(t)).isEqualTo("2017-02-08T17:50:00Z");
        assertThat(CosDates.rfc1123(t)).isEqualTo("Wed, 8 Feb 2017 17:50:00 GMT");
        assertThatThrownBy(() -> CosDates.parse("yesterday")).isInstanceOf(IllegalArgumentException.class);
    }
}
