package io.ibmcos.examples.quickstart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The quickstart's own input. Every file is written in a staging folder and then renamed into the inbox, so the
 * file consumer never picks up a half-written file (a rename within one file system is atomic).
 */
public final class SampleInput {

    /** The file the quickstart rewrites after the first pass: the consumer must deliver it once more. */
    public static final String CHANGED_KEY = "notes/hello.txt";
    public static final String LARGE_KEY = "big/dataset.bin";

    static final List<String> SMALL_DATA_FILES = List.of(CHANGED_KEY, "notes/todo.txt", "reports/2026-q1.csv",
            "reports/2026-q2.csv", "reports/2026-q3.csv");
    static final List<String> LEGAL_FILES = List.of("legal/contract-001.txt", "legal/contract-002.txt");

    private final Path staging;
    private final Path inbox;

    public SampleInput(Path workDir) throws IOException {
        this.staging = Files.createDirectories(workDir.resolve("staging"));
        this.inbox = Files.createDirectories(workDir.resolve("inbox"));
    }

    public Path inbox() {
        return inbox;
    }

    /** Objects expected in the data bucket (small files plus the large one). */
    public static int dataObjects() {
        return SMALL_DATA_FILES.size() + 1;
    }

    public static int legalObjects() {
        return LEGAL_FILES.size();
    }

    /** Writes the first pass: small files, legal files and one file of {@code largeMiB} MiB. */
    public void writeFirstPass(int largeMiB) throws IOException {
        for (String name : SMALL_DATA_FILES) {
            drop(name, ("sample " + name + ", version 1\n").repeat(20).getBytes(StandardCharsets.UTF_8));
        }
        for (String name : LEGAL_FILES) {
            drop(name, ("signed contract " + name + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path large = staging.resolve("large.tmp");
        try (OutputStream out = Files.newOutputStream(large)) {
            // pseudo-random, so no layer can compress it away; seeded, so every run uploads the same bytes
            SplittableRandom random = new SplittableRandom(42);
            byte[] mib = new byte[1 << 20];
            for (int i = 0; i < largeMiB; i++) {
                for (int j = 0; j < mib.length; j += 8) {
                    long v = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        mib[j + b] = (byte) (v >>> (8 * b));
                    }
                }
                out.write(mib);
            }
        }
        moveIntoInbox(large, LARGE_KEY);
    }

    /** A new version of {@link #CHANGED_KEY}: new content, so a new ETag. */
    public void rewriteChangedFile() throws IOException {
        drop(CHANGED_KEY, "sample notes/hello.txt, version 2 (rewritten)\n".getBytes(StandardCharsets.UTF_8));
    }

    private void drop(String name, byte[] content) throws IOException {
        Path tmp = Files.write(staging.resolve(name.replace('/', '_') + ".tmp"), content);
        moveIntoInbox(tmp, name);
    }

    private void moveIntoInbox(Path file, String name) throws IOException {
        Path target = inbox.resolve(name);
        Files.createDirectories(target.getParent());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
