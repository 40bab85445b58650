package io.ibmcos.client.aspera;

import io.ibmcos.client.error.CosClientException;
import io.ibmcos.client.xml.XmlNode;
import java.net.URI;
import java.util.Objects;

/**
 * The answer of {@code GET /{bucket}?faspConnectionInfo}: the ATS node credentials (not HMAC keys) and the ATS
 * endpoint that issues transfer specs for the bucket.
 *
 * @param accessKeyId     ATS access key id (Basic auth user of {@code files/*_setup})
 * @param accessKeySecret ATS access key secret; never shown by {@link #toString()}
 * @param atsEndpoint     e.g. {@code https://ats-sl-fra.aspera.io:443}
 */
public record FaspConnectionInfo(String accessKeyId, String accessKeySecret, URI atsEndpoint) {

    public FaspConnectionInfo {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        Objects.requireNonNull(atsEndpoint, "atsEndpoint");
    }

    /** Parses the {@code FASPConnectionInfo} XML document. */
    public static FaspConnectionInfo parse(byte[] xml) {
        XmlNode root = XmlNode.parse(xml, "FASPConnectionInfo");
        XmlNode key = root.child("AccessKey");
        String endpoint = root.childText("ATSEndpoint");
        if (key == null || key.childText("Id") == null || key.childText("Secret") == null || endpoint == null) {
            throw new CosClientException("FASPConnectionInfo lacks AccessKey Id/Secret or ATSEndpoint");
        }
        URI uri;
        try {
            uri = URI.create(endpoint.strip());
        } catch (IllegalArgumentException e) {
            throw new CosClientException("FASPConnectionInfo has an invalid ATSEndpoint: " + endpoint, e);
        }
        if (uri.getHost() == null) {
            throw new CosClientException("FASPConnectionInfo has an ATSEndpoint without host: " + endpoint);
        }
        return new FaspConnectionInfo(key.childText("Id").strip(), key.childText("Secret").strip(), uri);
    }

    @Override
    public String toString() {
        return "FaspConnectionInfo[accessKeyId=" + accessKeyId + ", accessKeySecret=****, atsEndpoint=" + atsEndpoint
                + "]";
    }
}
