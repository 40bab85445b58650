package io.ibmcos.client.aspera;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One transfer run by {@link AscpEngine}: N sessions (ascp processes) sharing one file list and one transfer id,
 * their progress summed into monotonic {@link AsperaEvent.Progress} events, and one outcome. The file list is
 * deleted when the last session ends, whether it succeeded, failed or was cancelled.
 */
final class AscpTransfer implements TransferHandle {

    private static final System.Logger LOG = System.getLogger(AscpTransfer.class.getName());

    /** Per-session counters, guarded by the transfer. */
    private static final class SessionState {
        long bytes;
        long total = -1;
        boolean ended;
        AscpSession.Result result;
    }

    private final String transferId;
    private final AsperaListener listener;
    private final AscpEngine engine;
    private final Path fileList;
    private final long startNanos = System.nanoTime();
    private final List<AscpSession> sessions = new ArrayList<>();
    private final List<SessionState> states = new ArrayList<>();
    private final List<Future<?>> runners = new ArrayList<>();
    private final CompletableFuture<TransferOutcome> outcome = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private long reportedBytes;
    private int files;
    private boolean cancelled;

    AscpTransfer(AscpEngine engine, String transferId, TransferSpec spec, Path ascp, AsperaListener listener)
            throws IOException {
        this.engine = engine;
        this.transferId = transferId;
        this.listener = listener;
        Long multi = spec.number("multi_session");
        int count = multi == null || multi < 1 ? 1 : multi.intValue();
        this.fileList = Files.createTempFile(engine.settings().workDirectory(), "ascp-" + transferId + "-", ".list");
        for (int i = 1; i <= count; i++) {
            sessions.add(new AscpSession(i, engine.settings(), ascp, spec, transferId, count, fileList, this::frame));
            states.add(new SessionState());
        }
    }

    /** Writes the file list (source, or source/destination pairs) and starts the sessions. */
    void start(String fileListContent) throws IOException {
        Files.writeString(fileList, fileListContent, StandardCharsets.UTF_8);
        emit(new AsperaEvent.Queued(transferId));
        synchronized (this) {
            for (AscpSession session : sessions) {
                runners.add(engine.submit(() -> runSession(session)));
            }
        }
    }

    private void runSession(AscpSession session) {
        AscpSession.Result result;
        boolean acquired = false;
        try {
            try {
                engine.acquireSlot();
                acquired = true;
                result = isCancelled() ? new AscpSession.Result(false, AscpErrors.CANCELLED, "Transfer cancelled")
                        : session.run();
            } catch (InterruptedException e) {
                result = new AscpSession.Result(false, AscpErrors.CANCELLED, "Transfer cancelled while queued");
            } catch (RuntimeException e) {
                result = new AscpSession.Result(false, 0, "ascp session failed: " + e.getMessage());
            }
            // report the end before the slot is free, so a waiting transfer never starts before this one's last event
            sessionEnded(session, result);
        } finally {
            if (acquired) {
                engine.releaseSlot();
            }
        }
    }

    private synchronized void frame(AscpSession session, ManagementFrame frame) {
        SessionState state = states.get(session.index() - 1);
        switch (frame.type()) {
            case "INIT" -> emit(new AsperaEvent.Started(transferId, session.index(), frame.get("SessionId")));
            case "NOTIFICATION" -> {
                long total = frame.number("PreTransferBytes", -1);
                if (total >= 0) {
                    state.total = total;
                }
            }
            case "STATS", "DONE" -> {
                long transferred = frame.number("TransferBytes", -1);
                long bytes = transferred >= 0 ? transferred + frame.number("StartByte", 0)
                        : frame.number("FileBytes", -1);
                if (bytes > state.bytes) {
                    state.bytes = bytes;
                }
            }
            case "STOP" -> {
                files++;
                emit(new AsperaEvent.FileDone(transferId, frame.get("File"), frame.number("Size",
                        frame.number("FileBytes", 0))));
            }
            case "FILEERROR" -> emit(new AsperaEvent.FileError(transferId, frame.get("File"),
                    (int) frame.number("Code", 0), frame.get("Description")));
            default -> {
                // SESSION, ARGSTOP and the rest carry nothing the caller needs
            }
        }
        reportProgress();
    }

    /** Emits progress when the summed bytes grew; never a smaller number than before. */
    private void reportProgress() {
        long bytes = 0;
        long total = 0;
        for (SessionState s : states) {
            bytes += s.bytes;
            total = total < 0 || s.total < 0 ? -1 : total + s.total;
        }
        if (bytes > reportedBytes) {
            reportedBytes = bytes;
            emit(new AsperaEvent.Progress(transferId, bytes, total >= 0 ? Math.max(total, bytes) : -1));
        }
    }

    private void sessionEnded(AscpSession session, AscpSession.Result result) {
        synchronized (this) {
            SessionState state = states.get(session.index() - 1);
            state.ended = true;
            state.result = result;
            if (!states.stream().allMatch(s -> s.ended)) {
                if (!result.success() && !cancelled) {
                    // one failed session fails the transfer: stop the others rather than let them run on
                    engine.submit(this::cancelSessions);
                }
                return;
            }
        }
        deleteFileList();
        finish();
    }

    private void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        AscpSession.Result failure = null;
        synchronized (this) {
            for (SessionState s : states) {
                if (!s.result.success() && (failure == null || failure.code() == AscpErrors.CANCELLED)) {
                    failure = s.result;
                }
            }
        }
        if (failure == null) {
            long bytes;
            int done;
            synchronized (this) {
                bytes = reportedBytes;
                done = files;
                long total = states.stream().mapToLong(s -> s.total).sum();
                emit(new AsperaEvent.Progress(transferId, bytes, Math.max(bytes, total)));
            }
            emit(new AsperaEvent.Done(transferId, bytes, done));
            outcome.complete(new TransferOutcome(transferId, bytes, done,
                    Duration.ofNanos(System.nanoTime() - startNanos), engine.name()));
        } else {
            String description = failure.description() == null ? AscpErrors.meaning(failure.code())
                    : failure.description();
            emit(new AsperaEvent.Error(transferId, failure.code(), description));
            String message = "Aspera transfer " + transferId + " failed" + (failure.code() == 0 ? ""
                    : " with ascp code " + failure.code() + " (" + AscpErrors.meaning(failure.code()) + ")") + ": "
                    + description;
            outcome.completeExceptionally(new AsperaException(message, failure.code(), null));
        }
    }

    @Override
    public String transferId() {
        return transferId;
    }

    @Override
    public TransferOutcome await() throws InterruptedException {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            throw (AsperaException) e.getCause();
        }
    }

    @Override
    public TransferOutcome await(Duration timeout) throws InterruptedException {
        try {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (AsperaException) e.getCause();
        } catch (TimeoutException e) {
            cancel();
            throw new AsperaException("Aspera transfer " + transferId + " did not finish within " + timeout
                    + " and was cancelled", AscpErrors.CANCELLED, null);
        }
    }

    @Override
    public void cancel() {
        cancelSessions();
        try {
            outcome.get(); // every session has reported its end, and the file list is gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the expected end of a cancelled transfer
        }
    }

    private void cancelSessions() {
        List<Future<?>> queued;
        synchronized (this) {
            cancelled = true;
            queued = List.copyOf(runners);
        }
        for (AscpSession session : sessions) {
            session.cancel();
        }
        // sessions still waiting for a slot are interrupted; running ones ended above
        queued.forEach(f -> f.cancel(true));
        synchronized (this) {
            for (int i = 0; i < runners.size(); i++) {
                if (runners.get(i).isCancelled() && !states.get(i).ended) {
                    states.get(i).ended = true;
                    states.get(i).result = new AscpSession.Result(false, AscpErrors.CANCELLED, "Transfer cancelled");
                }
            }
            if (!states.stream().allMatch(s -> s.ended) || outcome.isDone()) {
                return;
            }
        }
        deleteFileList();
        finish();
    }

    /** Process ids of the sessions that started (for diagnostics and tests). */
    List<Long> processIds() {
        return sessions.stream().map(AscpSession::pid).filter(pid -> pid > 0).toList();
    }

    Path fileList() {
        return fileList;
    }

    private synchronized boolean isCancelled() {
        return cancelled;
    }

    private void deleteFileList() {
        try {
            Files.deleteIfExists(fileList);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not delete the ascp file list {0}: {1}", fileList, e);
        }
    }

    private void emit(AsperaEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Aspera listener failed on {0}: {1}", event, e.toString());
        }
    }
}
