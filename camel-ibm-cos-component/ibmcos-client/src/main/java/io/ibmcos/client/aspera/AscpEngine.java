package io.ibmcos.client.aspera;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives IBM's {@code ascp} directly, as IBM's open-source aspera-cli does: argv and environment from the spec
 * ({@link AscpCommand}), progress from the management port ({@link ManagementParser}), one process per session
 * with {@code -C i:N}. At most {@link Settings#maxConcurrent()} ascp processes run at once (IBM's SDK default 10);
 * further sessions wait in line. Thread-safe; one engine serves many transfers.
 */
public final class AscpEngine implements AsperaEngine {

    /** IBM's SDKs run at most this many ascp processes at once. */
    public static final int DEFAULT_MAX_CONCURRENT = 10;

    /**
     * @param ascpPath         explicit ascp path, or null to search ({@link AscpLocator})
     * @param sshKey           key (and passphrase) for token transfers, or null
     * @param workDirectory    where file lists are written (deleted after each transfer); null = a private
     *                         folder under the system temp folder
     * @param maxConcurrent    ascp processes at most at once
     * @param connectTimeout   how long ascp may take to connect to the management port
     * @param cancelGrace      wait after CANCEL before SIGTERM, and after SIGTERM before SIGKILL
     * @param extraEnvironment added to ascp's environment (e.g. proxy settings); never secrets of ours
     */
    public record Settings(Path ascpPath, AscpCommand.SshKey sshKey, Path workDirectory, int maxConcurrent,
            Duration connectTimeout, Duration cancelGrace, Map<String, String> extraEnvironment) {

        public Settings {
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException("maxConcurrent must be >= 1, was " + maxConcurrent);
            }
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(30) : connectTimeout;
            cancelGrace = cancelGrace == null ? Duration.ofSeconds(2) : cancelGrace;
            extraEnvironment = extraEnvironment == null ? Map.of() : Map.copyOf(extraEnvironment);
        }

        public static Settings defaults() {
            return new Settings(null, null, null, DEFAULT_MAX_CONCURRENT, null, null, null);
        }

        public Settings withAscpPath(Path path) {
            return new Settings(path, sshKey, workDirectory, maxConcurrent, connectTimeout, cancelGrace,
                    extraEnvironment);
        }

        public Settings withWorkDirectory(Path dir) {
            return new Settings(ascpPath, sshKey, dir, maxConcurrent, connectTimeout, cancelGrace, extraEnvironment);
        }

        public Settings withMaxConcurrent(int max) {
            return new Settings(ascpPath, sshKey, workDirectory, max, connectTimeout, cancelGrace, extraEnvironment);
        }

        public Settings withSshKey(AscpCommand.SshKey key) {
            return new Settings(ascpPath, key, workDirectory, maxConcurrent, connectTimeout, cancelGrace,
                    extraEnvironment);
        }

        public Settings withCancelGrace(Duration grace) {
            return new Settings(ascpPath, sshKey, workDirectory, maxConcurrent, connectTimeout, grace,
                    extraEnvironment);
        }
    }

    private static final System.Logger LOG = System.getLogger(AscpEngine.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Settings settings;
    private final boolean ownsWorkDirectory;
    private final AscpLocator locator;
    private final Semaphore slots;
    private final ExecutorService threads;
    private final Set<AscpTransfer> running = ConcurrentHashMap.newKeySet();
    private volatile Path ascp;

    public AscpEngine(Settings settings) {
        this(settings, AscpLocator.system(settings.ascpPath()));
    }

    public AscpEngine(Settings settings, AscpLocator locator) {
        this.ownsWorkDirectory = Objects.requireNonNull(settings, "settings").workDirectory() == null;
        this.settings = withWorkDirectory(settings);
        this.locator = Objects.requireNonNull(locator, "locator");
        this.slots = new Semaphore(settings.maxConcurrent(), true);
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ascp-session-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static Settings withWorkDirectory(Settings s) {
        if (s.workDirectory() != null) {
            return s;
        }
        try {
            // owner-only folder: file lists name local files and must not be readable by other users
            return s.withWorkDirectory(Files.createTempDirectory("ibmcos-ascp-"));
        } catch (IOException e) {
            throw new AsperaException("Cannot create a work folder for ascp file lists: " + e, e);
        }
    }

    @Override
    public String name() {
        return "ascp";
    }

    Settings settings() {
        return settings;
    }

    /** The ascp executable (searched once, then remembered; its {@code -A} version line is logged once). */
    public Path ascp() {
        Path found = ascp;
        if (found == null) {
            synchronized (this) {
                found = ascp;
                if (found == null) {
                    found = locator.locate();
                    logVersion(found);
                    ascp = found;
                }
            }
        }
        return found;
    }

    /**
     * Runs {@code ascp -A} and logs what it says; a failure or a hang (10 s) is only a warning, and the process is
     * killed: the transfer itself will report what is wrong.
     */
    private static void logVersion(Path executable) {
        Path output = null;
        try {
            output = Files.createTempFile("ascp-version-", ".txt");
            Process p = new ProcessBuilder(executable.toString(), "-A").redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                LOG.log(System.Logger.Level.WARNING, "{0} -A did not answer within 10 s", executable);
                return;
            }
            String out = Files.readString(output, java.nio.charset.StandardCharsets.UTF_8).strip();
            String version = out.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("version"))
                    .findFirst().orElse(out.lines().findFirst().orElse(""));
            if (p.exitValue() != 0) {
                LOG.log(System.Logger.Level.WARNING, "{0} -A exited with {1}: {2}", executable, p.exitValue(), out);
            } else {
                LOG.log(System.Logger.Level.INFO, "Using {0}: {1}", executable, version);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not run {0} -A: {1}", executable, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a leftover of a few bytes in the temp folder
                }
            }
        }
    }

    /** Whether an ascp executable can be found, without failing. */
    public boolean available() {
        try {
            ascp();
            return true;
        } catch (AsperaException e) {
            return false;
        }
    }

    @Override
    public TransferHandle start(String transferId, TransferSpec spec, AsperaListener listener) {
        Path executable = ascp();
        // validate the mapping before anything is written or spawned
        String fileList = AscpCommand.build(executable, spec, transferId, 1, 1, 0, Path.of("list"), null)
                .fileListContent();
        try {
            AscpTransfer transfer = new AscpTransfer(this, transferId, spec, executable, listener);
            running.add(transfer);
            transfer.start(fileList);
            return new TrackedHandle(transfer);
        } catch (IOException e) {
            throw new AsperaException("Cannot write the ascp file list in " + settings.workDirectory() + ": " + e, e);
        }
    }

    /** Number of ascp processes that may still start without waiting. */
    public int freeSlots() {
        return slots.availablePermits();
    }

    void acquireSlot() throws InterruptedException {
        slots.acquire();
    }

    void releaseSlot() {
        slots.release();
    }

    Future<?> submit(Runnable task) {
        return threads.submit(task);
    }

    @Override
    public void close() {
        for (AscpTransfer t : running) {
            t.cancel();
        }
        threads.shutdownNow();
        if (ownsWorkDirectory) {
            try {
                Files.deleteIfExists(settings.workDirectory()); // empty once every transfer ended
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "Work folder {0} not removed: {1}", settings.workDirectory(), e);
            }
        }
    }

    /** Removes the transfer from the running set when it ends, and exposes process ids for tests. */
    public final class TrackedHandle implements TransferHandle {
        private final AscpTransfer transfer;

        private TrackedHandle(AscpTransfer transfer) {
            this.transfer = transfer;
        }

        @Override
        public String transferId() {
            return transfer.transferId();
        }

        @Override
        public TransferOutcome await() throws InterruptedException {
            try {
                return transfer.await();
            } finally {
                running.remove(transfer);
            }
        }

        @Override
        public TransferOutcome await(Duration timeout) throws InterruptedException {
            try {
                return transfer.await(timeout);
            } finally {
                running.remove(transfer);
            }
        }

        @Override
        public void cancel() {
            transfer.cancel();
            running.remove(transfer);
        }

        /** Process ids of the sessions that started. */
        public java.util.List<Long> processIds() {
            return transfer.processIds();
        }

        /** The file list path (deleted when the transfer ends). */
        public Path fileList() {
            return transfer.fileList();
        }
    }
}
