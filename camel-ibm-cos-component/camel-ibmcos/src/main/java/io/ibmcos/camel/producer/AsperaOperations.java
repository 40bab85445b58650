package io.ibmcos.camel.producer;

import io.ibmcos.camel.IbmCosAsperaConfiguration.AsperaFallback;
import io.ibmcos.camel.IbmCosConfiguration;
import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.aspera.AscpCommand;
import io.ibmcos.client.aspera.AscpEngine;
import io.ibmcos.client.aspera.AsperaControlPlane;
import io.ibmcos.client.aspera.AsperaEvent;
import io.ibmcos.client.aspera.AsperaException;
import io.ibmcos.client.aspera.AsperaListener;
import io.ibmcos.client.aspera.AsperaSpecOptions;
import io.ibmcos.client.aspera.AsperaTransferManager;
import io.ibmcos.client.aspera.AtsClient;
import io.ibmcos.client.aspera.DelegatedTokens;
import io.ibmcos.client.aspera.TransferOutcome;
import io.ibmcos.client.auth.CredentialType;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.apache.camel.WrappedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * asperaUpload and asperaDownload: resolves the local path and key, refuses early (no ascp unless a fallback is set,
 * HMAC credentials, protected buckets, missing sources, unsafe keys), runs the transfer through the client core's
 * {@link AsperaTransferManager} on ascp, logs progress every 10 %, and cancels running transfers when stopped.
 */
public final class AsperaOperations implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AsperaOperations.class);

    private final CosClient client;
    private final IbmCosConfiguration config;
    private final CredentialType credentialType;
    private final DelegatedTokens tokens;
    private final AsperaFallbackUpload fallback;
    private final Set<AsperaTransferManager.ManagedTransfer> running = ConcurrentHashMap.newKeySet();
    private AscpEngine engine; // guarded by this; created on first use, so endpoints without Aspera pay nothing
    private AsperaTransferManager manager; // guarded by this
    private boolean closed; // guarded by this
    private volatile boolean warnedFallback;

    /**
     * @param tokens delegated tokens of the endpoint's IAM credentials; null when they are not IAM (refused on use)
     */
    public AsperaOperations(CosClient client, IbmCosConfiguration config, CredentialType credentialType,
            DelegatedTokens tokens, ExecutorService uploadThreads) {
        this.client = client;
        this.config = config;
        this.credentialType = credentialType;
        this.tokens = tokens;
        // fail at start-up on invalid spec options, not on the first message
        specOptions();
        this.fallback = new AsperaFallbackUpload(client, config, uploadThreads);
    }

    private synchronized AscpEngine engine() {
        if (closed) {
            throw new AsperaException("The producer is stopping; no new Aspera transfer starts");
        }
        if (engine == null) {
            AscpCommand.SshKey key = config.getAsperaKeyFile() == null ? null
                    : new AscpCommand.SshKey(Path.of(config.getAsperaKeyFile()), config.getAsperaKeyPassphrase());
            engine = new AscpEngine(AscpEngine.Settings.defaults()
                    .withAscpPath(config.getAsperaAscpPath() == null ? null : Path.of(config.getAsperaAscpPath()))
                    .withMaxConcurrent(config.getAsperaMaxConcurrent()).withSshKey(key));
            AsperaControlPlane plane = tokens == null ? null : new AsperaControlPlane(client, tokens,
                    new AtsClient(Duration.ofMillis(config.getConnectTimeout()), Duration.ofMillis(
                            config.getRequestTimeout() > 0 ? config.getRequestTimeout() : 300_000)),
                    AsperaControlPlane.DEFAULT_CACHE_SIZE);
            // IAM credentials without the delegated-token source (a given client) cannot do Aspera either
            CredentialType type = tokens == null ? null : credentialType;
            manager = new AsperaTransferManager(client, type, plane, engine, null, null);
        }
        return engine;
    }

    private synchronized AsperaTransferManager manager() {
        engine();
        return manager;
    }

    public OperationResult asperaUpload(OptionResolver opts) {
        Path source = uploadSource(opts);
        String key = opts.key();
        if (!engine().available()) {
            if (config.getAsperaFallback() == AsperaFallback.multipart) {
                if (!warnedFallback) {
                    warnedFallback = true;
                    LOG.warn("No ascp executable found; asperaUpload falls back to the parallel multipart uploader "
                            + "(asperaFallback=multipart)");
                }
                return fallback.upload(opts.bucket(), source, key);
            }
            engine().ascp(); // throws, naming every place searched
        }
        AsperaTransferManager.ManagedTransfer transfer = manager().upload(opts.bucket(), source, key, specOptions(),
                progress("Uploading " + source + " to " + key));
        return run(transfer);
    }

    public OperationResult asperaDownload(OptionResolver opts) {
        String key = opts.key();
        String local = opts.required(IbmCosConstants.ASPERA_LOCAL_PATH, "asperaLocalPath", String.class,
                config.getAsperaLocalPath());
        engine().ascp(); // no fallback for downloads: fail before any network call, naming every place searched
        AsperaTransferManager.ManagedTransfer transfer = manager().download(opts.bucket(), key, Path.of(local),
                specOptions(), progress("Downloading " + key + " to " + local));
        return run(transfer);
    }

    private OperationResult run(AsperaTransferManager.ManagedTransfer transfer) {
        running.add(transfer);
        try {
            TransferOutcome outcome = transfer.await(config.getAsperaTimeout() > 0
                    ? Duration.ofMillis(config.getAsperaTimeout()) : null);
            return OperationResult.keepBody()
                    .withHeader(IbmCosConstants.ASPERA_TRANSFER_ID, outcome.transferId())
                    .withHeader(IbmCosConstants.ASPERA_BYTES, outcome.bytes())
                    .withHeader(IbmCosConstants.ASPERA_FILES, outcome.files())
                    .withHeader(IbmCosConstants.ASPERA_ELAPSED, outcome.elapsed().toMillis())
                    .withHeader(IbmCosConstants.ASPERA_ENGINE, outcome.engine());
        } catch (InterruptedException e) {
            transfer.cancel();
            Thread.currentThread().interrupt();
            throw new AsperaException("Interrupted during Aspera transfer " + transfer.transferId(), e);
        } finally {
            running.remove(transfer);
        }
    }

    /** Header CamelIbmCosAsperaLocalPath, else a File, Path or GenericFile body, else option asperaLocalPath. */
    private Path uploadSource(OptionResolver opts) {
        String header = opts.header(IbmCosConstants.ASPERA_LOCAL_PATH, String.class);
        if (header != null && !header.isBlank()) {
            return Path.of(header);
        }
        Object body = opts.message().getBody();
        if (body instanceof WrappedFile<?> wrapped) {
            body = wrapped.getFile(); // GenericFile of the file component: its local java.io.File
        }
        if (body instanceof Path p) {
            return p;
        }
        if (body instanceof File f) {
            return f.toPath();
        }
        String option = config.getAsperaLocalPath();
        if (option == null || option.isBlank()) {
            throw new IllegalArgumentException("asperaUpload needs a local file or folder: a File, Path or GenericFile "
                    + "body, header " + IbmCosConstants.ASPERA_LOCAL_PATH + " or option asperaLocalPath");
        }
        return Path.of(option);
    }

    private AsperaSpecOptions specOptions() {
        try {
            return new AsperaSpecOptions(config.getAsperaTargetRateMbps(), config.getAsperaMinRateMbps(),
                    config.getAsperaRatePolicy(), null, false, config.getAsperaMultiSessionThresholdMb(), null)
                    .withMultiSession(config.getAsperaMultiSession());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid Aspera options (asperaTargetRateMbps, asperaMinRateMbps, "
                    + "asperaRatePolicy, asperaMultiSession, asperaMultiSessionThresholdMb): " + e.getMessage(), e);
        }
    }

    /** An INFO line every 10 % (like the multipart uploader), and errors of single files as warnings. */
    private static AsperaListener progress(String what) {
        int[] lastDecile = {0};
        return event -> {
            if (event instanceof AsperaEvent.Progress p && p.total() > 0) {
                int decile = (int) (p.bytes() * 10 / p.total());
                if (decile > lastDecile[0]) {
                    lastDecile[0] = decile;
                    LOG.info("{}: {}% ({} of {} bytes)", what, decile * 10, p.bytes(), p.total());
                }
            } else if (event instanceof AsperaEvent.FileError f) {
                LOG.warn("{}: file {} failed with ascp code {}: {}", what, f.file(), f.code(), f.description());
            }
        };
    }

    /** Cancels running transfers (their exchanges fail with code 28) and releases the engine. */
    @Override
    public void close() {
        AscpEngine e;
        synchronized (this) {
            closed = true;
            e = engine;
        }
        for (AsperaTransferManager.ManagedTransfer t : running) {
            LOG.info("Cancelling Aspera transfer {} because the producer stops", t.transferId());
            t.cancel();
        }
        if (e != null) {
            e.close();
        }
    }
}
