package io.ibmcos.emulator;

import io.ibmcos.emulator.admin.AdminHandler;
import io.ibmcos.emulator.admin.Faults;
import io.ibmcos.emulator.admin.Stats;
import io.ibmcos.emulator.auth.Authenticator;
import io.ibmcos.emulator.auth.IamTokens;
import io.ibmcos.emulator.ops.BucketOps;
import io.ibmcos.emulator.ops.CopyOps;
import io.ibmcos.emulator.ops.DeleteObjectsOp;
import io.ibmcos.emulator.ops.Dispatcher;
import io.ibmcos.emulator.ops.IamHandler;
import io.ibmcos.emulator.ops.ImmutabilityOps;
import io.ibmcos.emulator.ops.ListOps;
import io.ibmcos.emulator.ops.MultipartOps;
import io.ibmcos.emulator.ops.ObjectOps;
import io.ibmcos.emulator.ops.UploadListing;
import io.ibmcos.emulator.protocol.Addressing;
import io.ibmcos.emulator.protocol.Operation;
import io.ibmcos.emulator.server.EmulatorCore;
import io.ibmcos.emulator.server.NettyServer;
import io.ibmcos.emulator.storage.DiskStorage;
import io.ibmcos.emulator.storage.MemoryStorage;
import io.ibmcos.emulator.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A running local IBM Cloud Object Storage emulator: S3/COS API, IAM token endpoint and admin API on one port.
 * <pre>
 * try (CosEmulator cos = CosEmulator.builder().start()) {
 *     URI endpoint = cos.endpoint();          // http://127.0.0.1:PORT
 *     URI iam = cos.iamEndpoint();            // http://127.0.0.1:PORT/identity/token
 *     Credentials creds = cos.credentials();  // ibmcos-access-key / ibmcos-secret-key / ibmcos-api-key / ibmcos-instance
 * }
 * </pre>
 */
public final class CosEmulator implements AutoCloseable {
    private final NettyServer server;
    private final Storage storage;
    private final Credentials credentials;
    private final Stats stats;
    private final Faults faults;
    private final String host;
    private final Path dataDir;

    private CosEmulator(Builder b) throws IOException, InterruptedException {
        this.credentials = new Credentials(b.accessKey, b.secretKey, b.apiKey, b.serviceInstanceId);
        this.host = b.host;
        this.dataDir = b.dataDir;
        this.storage = b.dataDir == null ? new MemoryStorage() : new DiskStorage(b.dataDir);
        this.stats = new Stats();
        this.faults = new Faults();
        Clock clock = b.clock;
        IamTokens tokens = new IamTokens(clock, b.tokenTtl, credentials.serviceInstanceId());
        EmulatorCore core = new EmulatorCore(storage, new Authenticator(credentials, tokens, clock),
                dispatcher(storage, tokens, credentials, stats, faults), new Addressing(b.host), stats, faults, clock);
        try {
            this.server = new NettyServer(b.host, b.port, core);
        } catch (InterruptedException | RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    private static Dispatcher dispatcher(Storage storage, IamTokens tokens, Credentials credentials, Stats stats, Faults faults) {
        BucketOps buckets = new BucketOps(storage);
        ObjectOps objects = new ObjectOps(storage);
        ListOps lists = new ListOps(storage);
        MultipartOps multipart = new MultipartOps(storage);
        ImmutabilityOps immutability = new ImmutabilityOps(storage);
        Dispatcher dispatcher = new Dispatcher();
        dispatcher
                .register(Operation.ListBuckets, buckets::listBuckets)
                .register(Operation.ListBucketsExtended, buckets::listBucketsExtended)
                .register(Operation.CreateBucket, buckets::createBucket)
                .register(Operation.HeadBucket, buckets::headBucket)
                .register(Operation.DeleteBucket, buckets::deleteBucket)
                .register(Operation.GetBucketLocation, buckets::location)
                .register(Operation.GetBucketAcl, buckets::acl)
                .register(Operation.GetObjectAcl, buckets::acl)
                .register(Operation.PutObject, objects::put, objects::precheckPut)
                .register(Operation.GetObject, objects::get)
                .register(Operation.HeadObject, objects::head)
                .register(Operation.DeleteObject, objects::delete)
                .register(Operation.CopyObject, new CopyOps(storage)::copy)
                .register(Operation.ListObjects, lists::listV1)
                .register(Operation.ListObjectsV2, lists::listV2)
                .register(Operation.DeleteObjects, new DeleteObjectsOp(storage)::deleteObjects)
                .register(Operation.CreateMultipartUpload, multipart::initiate)
                .register(Operation.UploadPart, multipart::uploadPart, multipart::precheckPart)
                .register(Operation.UploadPartCopy, multipart::uploadPartCopy)
                .register(Operation.CompleteMultipartUpload, multipart::complete)
                .register(Operation.AbortMultipartUpload, multipart::abort)
                .register(Operation.ListParts, multipart::listParts)
                .register(Operation.ListMultipartUploads, new UploadListing(storage)::list)
                .register(Operation.PutBucketProtectionConfiguration, immutability::putProtection)
                .register(Operation.GetBucketProtectionConfiguration, immutability::getProtection)
                .register(Operation.AddLegalHold, immutability::addLegalHold)
                .register(Operation.DeleteLegalHold, immutability::removeLegalHold)
                .register(Operation.ListLegalHolds, immutability::listLegalHolds)
                .register(Operation.ExtendRetention, immutability::extendRetention)
                .register(Operation.IamToken, new IamHandler(tokens, credentials.apiKey(), stats))
                .register(Operation.Admin, new AdminHandler(stats, faults));
        new io.ibmcos.emulator.aspera.AsperaStandIn(storage, tokens).register(dispatcher);
        return dispatcher;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The S3/COS endpoint, e.g. {@code http://127.0.0.1:9000}. */
    public URI endpoint() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + (h.equals("0.0.0.0") ? "127.0.0.1" : h) + ":" + port());
    }

    /** The IAM token URL to give IBM's SDKs ({@code DefaultTokenManager.setIamEndpoint}). */
    public URI iamEndpoint() {
        return endpoint().resolve("/identity/token");
    }

    public int port() {
        return server.port();
    }

    public Credentials credentials() {
        return credentials;
    }

    public String accessKey() {
        return credentials.accessKey();
    }

    public String secretKey() {
        return credentials.secretKey();
    }

    public String apiKey() {
        return credentials.apiKey();
    }

    public String serviceInstanceId() {
        return credentials.serviceInstanceId();
    }

    /** Null when the emulator keeps everything in memory. */
    public Path dataDir() {
        return dataDir;
    }

    /** Request counters, the same as {@code GET /_emulator/stats}. */
    public Stats stats() {
        return stats;
    }

    /** Fault rules, the same as {@code POST|DELETE /_emulator/faults}. */
    public Faults faults() {
        return faults;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            storage.close();
        }
    }

    /** Configures and starts an emulator; every setting has a default. */
    public static final class Builder {
        private int port;
        private String host = "127.0.0.1";
        private Path dataDir;
        private String accessKey = Credentials.DEFAULT_ACCESS_KEY;
        private String secretKey = Credentials.DEFAULT_SECRET_KEY;
        private String apiKey = Credentials.DEFAULT_API_KEY;
        private String serviceInstanceId = Credentials.DEFAULT_SERVICE_INSTANCE_ID;
        private Duration tokenTtl = Duration.ofHours(1);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** TCP port; 0 (default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Interface to bind (default 127.0.0.1). Its name also serves virtual-host addressing (bucket.HOST). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Keep data on disk under this directory (survives restarts); absent = in memory. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder hmacCredentials(String accessKey, String secretKey) {
            this.accessKey = requireText(accessKey, "accessKey");
            this.secretKey = requireText(secretKey, "secretKey");
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = requireText(apiKey, "apiKey");
            return this;
        }

        public Builder serviceInstanceId(String serviceInstanceId) {
            this.serviceInstanceId = requireText(serviceInstanceId, "serviceInstanceId");
            return this;
        }

        /** Lifetime of issued IAM access tokens (default 1 hour, as IAM). */
        public Builder tokenTtl(Duration ttl) {
            if (ttl == null || ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("tokenTtl must be positive");
            }
            this.tokenTtl = ttl;
            return this;
        }

        /** Clock for signatures, token expiry and retention (tests can move time). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public CosEmulator start() {
            try {
                return new CosEmulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not open emulator storage", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the emulator", e);
            }
        }

        private static String requireText(String v, String name) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return v;
        }
    }
}
