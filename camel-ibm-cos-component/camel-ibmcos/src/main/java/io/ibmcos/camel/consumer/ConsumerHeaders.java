package io.ibmcos.camel.consumer;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.model.ObjectMetadata;
import io.ibmcos.client.model.ObjectSummary;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The headers of a consumed object: first from the listing, then refined by the GET or HEAD when there is one. */
final class ConsumerHeaders {

    private ConsumerHeaders() {
    }

    static void fromListing(Message m, String bucket, ObjectSummary o) {
        m.setHeader(IbmCosConstants.BUCKET_NAME, bucket);
        m.setHeader(IbmCosConstants.KEY, o.key());
        m.setHeader(Exchange.FILE_NAME, o.key());
        m.setHeader(IbmCosConstants.E_TAG, o.eTag());
        m.setHeader(IbmCosConstants.CONTENT_LENGTH, o.size());
        setIfPresent(m, IbmCosConstants.LAST_MODIFIED, o.lastModified());
        setIfPresent(m, IbmCosConstants.STORAGE_CLASS, o.storageClass());
    }

    /** The GET or HEAD describes the version actually delivered, so its values win over the listing's. */
    static void fromMetadata(Message m, ObjectMetadata md) {
        setIfPresent(m, IbmCosConstants.E_TAG, md.eTag());
        m.setHeader(IbmCosConstants.CONTENT_LENGTH, md.contentLength());
        setIfPresent(m, IbmCosConstants.LAST_MODIFIED, md.lastModified());
        setIfPresent(m, IbmCosConstants.VERSION_ID, md.versionId());
        setIfPresent(m, IbmCosConstants.CONTENT_TYPE, md.contentType());
        setIfPresent(m, IbmCosConstants.CONTENT_ENCODING, md.contentEncoding());
        setIfPresent(m, IbmCosConstants.CONTENT_DISPOSITION, md.contentDisposition());
        setIfPresent(m, IbmCosConstants.CONTENT_LANGUAGE, md.contentLanguage());
        setIfPresent(m, IbmCosConstants.CACHE_CONTROL, md.cacheControl());
        setIfPresent(m, IbmCosConstants.STORAGE_CLASS, md.storageClass());
        m.setHeader(IbmCosConstants.METADATA, md.userMetadata());
    }

    private static void setIfPresent(Message m, String name, Object value) {
        if (value != null) {
            m.setHeader(name, value);
        }
    }
}
