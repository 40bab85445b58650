package io.ibmcos.camel.consumer;

import io.ibmcos.client.CosClient;
import io.ibmcos.client.model.ListObjectsRequest;
import io.ibmcos.client.model.ObjectListing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the consumer's ListObjectsV2 listing continues: the continuation token survives from one poll to the next, so
 * a bucket larger than one page is walked page by page instead of re-reading page one forever (the pagination bug of
 * the aws-s3 family). The token is cleared when a page is the last one, and also when a page claims to be truncated
 * but carries no token (seen on MinIO with concurrent deletes): then the next page starts again from the beginning
 * rather than stopping for good. Used by the single poll thread only.
 */
public final class ListingCursor {

    private static final Logger LOG = LoggerFactory.getLogger(ListingCursor.class);

    private final ListObjectsRequest firstPage;
    private String token;

    /**
     * @param pageSize   1 to 1000
     * @param startAfter where every pass over the bucket starts (null: the first key)
     */
    public ListingCursor(String bucket, String prefix, String delimiter, int pageSize, String startAfter) {
        this.firstPage = ListObjectsRequest.of(bucket).withPrefix(emptyToNull(prefix))
                .withDelimiter(emptyToNull(delimiter)).withMaxKeys(pageSize).withStartAfter(emptyToNull(startAfter));
    }

    /** Lists the next page and moves the cursor past it. */
    public ObjectListing next(CosClient client) {
        ObjectListing page = client.listObjectsV2(token == null ? firstPage : firstPage.withContinuationToken(token));
        if (!page.truncated()) {
            token = null;
        } else if (page.nextContinuationToken() == null || page.nextContinuationToken().isEmpty()) {
            LOG.warn("The listing of bucket {} came back truncated without a continuation token; the next page starts "
                    + "again from the beginning of the listing", firstPage.bucket());
            token = null;
        } else {
            token = page.nextContinuationToken();
        }
        return page;
    }

    /** True when the next page is the first page of a new pass over the bucket. */
    public boolean atStart() {
        return token == null;
    }

    public int pageSize() {
        return firstPage.maxKeys();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
