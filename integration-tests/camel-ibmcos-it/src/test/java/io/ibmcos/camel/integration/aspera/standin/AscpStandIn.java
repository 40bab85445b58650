package io.ibmcos.camel.integration.aspera.standin;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * TEST STAND-IN for IBM's {@code ascp} (never shipped, never named {@code ascp}): accepts the command line our
 * {@code AscpEngine} builds, connects to the management port ({@code -M}; exit 1 when it cannot), validates the
 * transfer token ({@code ASPERA_SCP_TOKEN}) with the emulator, moves the bytes over the emulator's HTTP data path at
 * {@code --host}:{@code -P} instead of FASP, and reports like ascp: INIT, SESSION, NOTIFICATION, STATS (per chunk and
 * every {@value #STATS_ENV} ms), STOP per file, DONE; or ERROR with a code and exit 1. Honours CANCEL (code 28).
 *
 * <p>Environment knobs: {@value #FAIL_ENV}=code injects a failure (12, 19, 28, 40, 44);
 * {@value #FAIL_ONCE_ENV}=path limits it to the first process that manages to create that file;
 * {@value #CHUNK_DELAY_ENV}=ms slows every 64 KiB chunk; {@value #STATS_ENV}=ms sets the periodic STATS interval;
 * {@value #RECORD_ENV}=folder records the command line and the names of the ASPERA_* variables (not for {@code -A}).
 */
public final class AscpStandIn {

    public static final String FAIL_ENV = "ASCP_STANDIN_FAIL";
    public static final String FAIL_ONCE_ENV = "ASCP_STANDIN_FAIL_ONCE_MARKER";
    public static final String CHUNK_DELAY_ENV = "ASCP_STANDIN_CHUNK_DELAY_MS";
    public static final String STATS_ENV = "ASCP_STANDIN_STATS_MS";
    /** A folder where each run writes {@code argv-<pid>.txt} and {@code env-<pid>.txt} (ASPERA_* names only). */
    public static final String RECORD_ENV = "ASCP_STANDIN_RECORD_DIR";

    private static final Map<Integer, String> INJECTED = Map.of(
            12, "Session initiation failed",
            19, "failed to authenticate",
            28, "Cancelled by user",
            40, "Transfer stalled: no data received",
            44, "Failed to open TCP connection for SSH");

    /** One file to move: local path and object key. */
    record Item(Path local, String key, long size) {
    }

    private AscpStandIn() {
    }

    public static void main(String[] argv) {
        System.exit(run(Arrays.asList(argv), System.getenv()));
    }

    static int run(List<String> argv, Map<String, String> env) {
        record(argv, env);
        StandInArgs args;
        try {
            args = StandInArgs.parse(argv);
        } catch (StandInArgs.UsageError e) {
            System.err.println("ascp: " + e.getMessage() + ", exiting.");
            return 1;
        }
        if (args.flags.contains("-A")) {
            System.out.println("ascp version 0.0.0 (TEST STAND-IN for ascp; moves bytes over HTTP, not FASP)");
            return 0;
        }
        ManagementChannel mgmt;
        try {
            mgmt = new ManagementChannel(Integer.parseInt(args.options.get("-M")));
        } catch (IOException e) {
            System.err.println("ascp: failed to connect to management socket, exiting.");
            return 1;
        }
        try (mgmt) {
            return transfer(args, env, mgmt);
        } catch (IOException e) {
            System.err.println("ascp: " + e.getMessage() + ", exiting.");
            return 1;
        }
    }

    private static int transfer(StandInArgs args, Map<String, String> env, ManagementChannel mgmt) throws IOException {
        String sessionId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        mgmt.frame("INIT", "SessionId", sessionId, "Direction", args.upload() ? "Send" : "Receive",
                "Operation", "Transfer", "UserStr", args.options.getOrDefault("-u", ""));
        DataPath data = new DataPath(args.options.get("--host"), Integer.parseInt(args.options.get("-P")),
                env.get("ASPERA_SCP_TOKEN"));
        int injected = injectedFailure(env);
        if (injected != 0) {
            return error(mgmt, sessionId, injected, INJECTED.getOrDefault(injected, "Injected failure"));
        }
        String bucket;
        try {
            bucket = data.session();
        } catch (ConnectException e) {
            return error(mgmt, sessionId, 44, "Failed to open TCP connection for SSH");
        } catch (DataPath.Refused e) {
            return error(mgmt, sessionId, 19, "failed to authenticate");
        }
        String listOption = args.options.containsKey("--file-pair-list") ? "--file-pair-list" : "--file-list";
        List<String> lines = Files.readAllLines(Path.of(args.options.get(listOption)), StandardCharsets.UTF_8);
        mgmt.frame("SESSION", "SessionId", sessionId, "Rate", args.options.getOrDefault("-l", "10000"),
                "MinRate", args.options.getOrDefault("-m", "0"), "Host", args.options.get("--host"),
                "User", args.options.getOrDefault("--user", ""), "Port", args.options.getOrDefault("-O", "33001"),
                "TCPPort", args.options.get("-P"), "Cipher", args.options.getOrDefault("-c", "none"),
                "Destination", args.destinationRoot(), "XferId", args.options.getOrDefault("-u", ""),
                "Source", String.join("\t", lines));
        List<Item> items;
        try {
            items = plan(args, data, bucket, lines, listOption.equals("--file-pair-list"));
        } catch (DataPath.Refused e) {
            return error(mgmt, sessionId, 19, "failed to authenticate");
        } catch (IllegalArgumentException e) {
            return error(mgmt, sessionId, 41, e.getMessage());
        }
        int[] session = args.session;
        List<Item> mine = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (i % session[1] == session[0] - 1) {
                mine.add(items.get(i));
            }
        }
        long total = mine.stream().mapToLong(Item::size).sum();
        mgmt.frame("NOTIFICATION", "SessionId", sessionId, "PreTransferBytes", total, "PreTransferFiles",
                mine.size());
        Progress progress = new Progress(mgmt, sessionId, started, args.bytesPerSecond(),
                Long.parseLong(env.getOrDefault(CHUNK_DELAY_ENV, "0")),
                Long.parseLong(env.getOrDefault(STATS_ENV, "1000")));
        try (progress) {
            for (Item item : mine) {
                progress.startFile(item);
                if (args.upload()) {
                    data.put(bucket, item, progress);
                } else {
                    data.get(bucket, item, progress);
                }
                mgmt.frame("STOP", "SessionId", sessionId, "File", args.upload() ? item.local() : item.key(),
                        "Size", item.size(), "Written", item.size(), "FileBytes", item.size(),
                        "TransferBytes", progress.bytes());
            }
        } catch (Progress.Cancelled e) {
            return error(mgmt, sessionId, 28, "Cancelled by user");
        } catch (DataPath.Refused e) {
            return error(mgmt, sessionId, 19, "failed to authenticate");
        }
        mgmt.frame("DONE", "SessionId", sessionId, "TransferBytes", progress.bytes(), "StartByte", 0,
                "FileBytes", progress.bytes(), "Elapsedusec", (System.nanoTime() - started) / 1000,
                "Files", mine.size());
        return 0;
    }

    /** What to move, in file-list order; directories expand to their files. */
    private static List<Item> plan(StandInArgs args, DataPath data, String bucket, List<String> lines, boolean pairs)
            throws IOException, DataPath.Refused {
        String root = args.destinationRoot();
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += pairs ? 2 : 1) {
            String source = lines.get(i);
            String dest = pairs ? lines.get(i + 1) : null;
            if (args.upload()) {
                Path local = Path.of(source);
                String base = key(root, dest != null ? dest : local.getFileName().toString());
                if (Files.isDirectory(local)) {
                    try (Stream<Path> walk = Files.walk(local)) {
                        for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                            String rel = local.relativize(f).toString().replace('\\', '/');
                            out.add(new Item(f, base.isEmpty() ? rel : base + "/" + rel, Files.size(f)));
                        }
                    }
                } else {
                    out.add(new Item(local, base, Files.size(local)));
                }
            } else {
                Path target = Path.of(root.isEmpty() ? "/" : root).resolve(dest != null ? dest
                        : source.substring(source.lastIndexOf('/') + 1));
                Map<String, Long> objects = data.list(bucket, source);
                if (objects.containsKey(source)) {
                    out.add(new Item(target, source, objects.get(source)));
                    continue;
                }
                String prefix = source.endsWith("/") ? source : source + "/";
                for (Map.Entry<String, Long> o : objects.entrySet()) {
                    String rel = o.getKey().startsWith(prefix) ? o.getKey().substring(prefix.length()) : null;
                    if (rel == null || rel.isEmpty() || rel.endsWith("/")) {
                        continue;
                    }
                    Path local = target.resolve(rel).normalize();
                    if (!local.startsWith(target)) {
                        throw new IllegalArgumentException("key " + o.getKey() + " leaves the destination");
                    }
                    out.add(new Item(local, o.getKey(), o.getValue()));
                }
            }
        }
        return out;
    }

    private static String key(String root, String dest) {
        String joined = root.isEmpty() || root.equals("/") ? dest : root + "/" + dest;
        while (joined.startsWith("/")) {
            joined = joined.substring(1);
        }
        return joined;
    }

    /** Lets tests see exactly what the engine passed: argv verbatim, and which ASPERA_* variables were set. */
    private static void record(List<String> argv, Map<String, String> env) {
        String dir = env.get(RECORD_ENV);
        if (dir == null || argv.equals(List.of("-A"))) {
            return; // the engine's version query is not a transfer
        }
        long pid = ProcessHandle.current().pid();
        try {
            Files.write(Path.of(dir, "argv-" + pid + ".txt"), argv, StandardCharsets.UTF_8);
            Files.write(Path.of(dir, "env-" + pid + ".txt"), env.keySet().stream().filter(k -> k.startsWith("ASPERA_"))
                    .sorted().toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("ascp stand-in: cannot record argv: " + e);
        }
    }

    private static int injectedFailure(Map<String, String> env) {
        String code = env.get(FAIL_ENV);
        if (code == null || code.isBlank()) {
            return 0;
        }
        String marker = env.get(FAIL_ONCE_ENV);
        if (marker != null) {
            try {
                Files.createFile(Path.of(marker));
            } catch (IOException e) {
                return 0; // an earlier process already failed once
            }
        }
        return Integer.parseInt(code.strip());
    }

    private static int error(ManagementChannel mgmt, String sessionId, int code, String description)
            throws IOException {
        mgmt.frame("ERROR", "Loss", 0, "Code", code, "Description", description, "SessionId", sessionId);
        System.err.println("ascp: " + description + ", exiting.");
        return 1;
    }
}
