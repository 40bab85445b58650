package io.ibmcos.camel;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The consumer's options (polling, post-read actions, idempotency, sharding), kept apart from the producer options so
 * each class stays readable; {@link IbmCosConfiguration} inherits them, so they are ordinary endpoint options.
 */
@UriParams
public class IbmCosConsumerConfiguration extends IbmCosAsperaConfiguration {


    @UriParam(label = "consumer", defaultValue = "10")
    private int maxMessagesPerPoll = 10;
    @UriParam(label = "consumer")
    private String fileName;
    @UriParam(label = "consumer")
    private String startAfter;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean includeFolders = true;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean includeBody = true;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean autocloseBody = true;
    @UriParam(label = "consumer")
    private boolean includeUserMetadata;
    @UriParam(label = "consumer")
    private boolean deleteAfterRead;
    @UriParam(label = "consumer")
    private boolean moveAfterRead;
    @UriParam(label = "consumer")
    private String destinationBucket;
    @UriParam(label = "consumer")
    private String destinationBucketPrefix;
    @UriParam(label = "consumer")
    private String destinationBucketSuffix;
    @UriParam(label = "consumer")
    private boolean removePrefixOnMove;
    @UriParam(label = "consumer,advanced")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer,advanced", defaultValue = "100000")
    private int idempotentCacheSize = 100_000;
    @UriParam(label = "consumer", defaultValue = "1")
    private int shardCount = 1;
    @UriParam(label = "consumer", defaultValue = "0")
    private int shardIndex;

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /**
     * The most objects one poll emits, which is also the page size of its listing requests (at most 1000). A poll
     * reads pages, continuing where the previous poll stopped, until a page holds new objects or the listing ends.
     * 0 means unlimited: pages of 1000 and one poll walks the whole listing. Default 10.
     */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public String getFileName() {
        return fileName;
    }

    /**
     * Consume only this one key: each poll reads it with a HEAD instead of listing the bucket. A missing object is not
     * an error; the object is emitted again whenever its ETag changes.
     */
    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public String getStartAfter() {
        return startAfter;
    }

    /**
     * Consume only keys that sort after this one (ListObjectsV2 start-after); applied at the start of every pass over
     * the bucket.
     */
    public void setStartAfter(String startAfter) {
        this.startAfter = startAfter;
    }

    public boolean isIncludeFolders() {
        return includeFolders;
    }

    /**
     * Whether folder marker objects (keys ending with /) are emitted like other objects. Default true, as in
     * camel-aws2-s3.
     */
    public void setIncludeFolders(boolean includeFolders) {
        this.includeFolders = includeFolders;
    }

    public boolean isIncludeBody() {
        return includeBody;
    }

    /**
     * Whether each message carries the object's content as an InputStream body, opened (GET) just before its exchange
     * is routed, never while the batch is built, and closed when the exchange completes. false emits the listing
     * metadata only and sends no GET. Default true.
     */
    public void setIncludeBody(boolean includeBody) {
        this.includeBody = includeBody;
    }

    public boolean isAutocloseBody() {
        return autocloseBody;
    }

    /**
     * Whether the body stream is closed when the exchange completes (success, failure or filtered). Set it to false
     * only when the route hands the stream to something that outlives the exchange and closes it itself; an unclosed
     * stream holds one HTTP connection. Default true.
     */
    public void setAutocloseBody(boolean autocloseBody) {
        this.autocloseBody = autocloseBody;
    }

    public boolean isIncludeUserMetadata() {
        return includeUserMetadata;
    }

    /**
     * With includeBody=false: whether to send one HEAD per emitted object to fill CamelIbmCosMetadata and the content
     * headers (a listing does not return them). With includeBody=true they always come with the GET. Default false.
     */
    public void setIncludeUserMetadata(boolean includeUserMetadata) {
        this.includeUserMetadata = includeUserMetadata;
    }

    public boolean isDeleteAfterRead() {
        return deleteAfterRead;
    }

    /**
     * Whether to delete each object after its exchange completed successfully. Default false: the consumer is
     * non-destructive and emits each (key, ETag) once, tracked in the idempotentRepository.
     */
    public void setDeleteAfterRead(boolean deleteAfterRead) {
        this.deleteAfterRead = deleteAfterRead;
    }

    public boolean isMoveAfterRead() {
        return moveAfterRead;
    }

    /**
     * Whether to move each object after its exchange completed successfully: copy to destinationBucket (with the
     * destination prefix and suffix), verify the copy's ETag, then delete the source. Works without deleteAfterRead.
     */
    public void setMoveAfterRead(boolean moveAfterRead) {
        this.moveAfterRead = moveAfterRead;
    }

    public String getDestinationBucket() {
        return destinationBucket;
    }

    /**
     * The bucket moveAfterRead moves objects to; default the consumed bucket (then a destination prefix or suffix is
     * needed, as an object cannot be moved onto itself).
     */
    public void setDestinationBucket(String destinationBucket) {
        this.destinationBucket = destinationBucket;
    }

    public String getDestinationBucketPrefix() {
        return destinationBucketPrefix;
    }

    /**
     * moveAfterRead: prepended to the key in the destination, for example done/.
     */
    public void setDestinationBucketPrefix(String destinationBucketPrefix) {
        this.destinationBucketPrefix = destinationBucketPrefix;
    }

    public String getDestinationBucketSuffix() {
        return destinationBucketSuffix;
    }

    /**
     * moveAfterRead: appended to the key in the destination, for example .processed.
     */
    public void setDestinationBucketSuffix(String destinationBucketSuffix) {
        this.destinationBucketSuffix = destinationBucketSuffix;
    }

    public boolean isRemovePrefixOnMove() {
        return removePrefixOnMove;
    }

    /**
     * moveAfterRead: whether the consumer's prefix option is removed from the key before the destination prefix and
     * suffix are added (in/a.txt becomes done/a.txt instead of done/in/a.txt).
     */
    public void setRemovePrefixOnMove(boolean removePrefixOnMove) {
        this.removePrefixOnMove = removePrefixOnMove;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Where the consumer records the (key, ETag) of each object it delivered, after the exchange succeeded. Default an
     * in-memory LRU of idempotentCacheSize entries, lost on restart: use a persistent repository (file, JDBC,
     * Infinispan, ...) to survive restarts, and a shared one for several replicas.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public int getIdempotentCacheSize() {
        return idempotentCacheSize;
    }

    /**
     * Entries of the default in-memory idempotent repository. When a bucket (within prefix and shard) holds more
     * objects than this, the least recently seen are forgotten and delivered again. Default 100000.
     */
    public void setIdempotentCacheSize(int idempotentCacheSize) {
        this.idempotentCacheSize = idempotentCacheSize;
    }

    public int getShardCount() {
        return shardCount;
    }

    /**
     * Scale-out: the number of consumers that split the bucket between them; each consumes only the keys whose
     * CRC-32 (of the UTF-8 key) modulo shardCount equals its shardIndex. Default 1 (no sharding).
     */
    public void setShardCount(int shardCount) {
        this.shardCount = shardCount;
    }

    public int getShardIndex() {
        return shardIndex;
    }

    /**
     * Scale-out: which shard this consumer takes, 0 to shardCount - 1. Default 0.
     */
    public void setShardIndex(int shardIndex) {
        this.shardIndex = shardIndex;
    }
}
