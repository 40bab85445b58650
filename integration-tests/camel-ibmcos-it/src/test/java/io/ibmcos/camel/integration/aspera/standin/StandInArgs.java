package io.ibmcos.camel.integration.aspera.standin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ascp command line as the test stand-in understands it: exactly the options {@code AscpCommand} emits (plus
 * the {@code --name=value} forms ascp also accepts). Anything else is refused like ascp refuses it: "unrecognized
 * option" and exit status 1.
 */
final class StandInArgs {

    /** Thrown for a command line ascp would refuse. */
    static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    private static final Set<String> WITH_VALUE = Set.of("-M", "-C", "-u", "--mode", "--user", "--host", "-P", "-O",
            "-c", "--policy", "-l", "-m", "-k", "--check-sshfp", "--tags64", "--multi-session-threshold",
            "--source-prefix64", "-i", "--file-list", "--file-pair-list");
    private static final Set<String> FLAGS = Set.of("-q", "-d", "--dest64", "-A");

    final Map<String, String> options = new HashMap<>();
    final Set<String> flags = new java.util.HashSet<>();
    String destination;
    int[] session;

    static StandInArgs parse(List<String> argv) throws UsageError {
        StandInArgs a = new StandInArgs();
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0 && WITH_VALUE.contains(arg.substring(0, eq))) {
                a.options.put(arg.substring(0, eq), arg.substring(eq + 1));
            } else if (WITH_VALUE.contains(arg)) {
                if (i + 1 >= argv.size()) {
                    throw new UsageError("option '" + arg + "' requires an argument");
                }
                a.options.put(arg, argv.get(++i));
            } else if (FLAGS.contains(arg)) {
                a.flags.add(arg);
            } else if (arg.startsWith("-")) {
                throw new UsageError("unrecognized option '" + arg + "'");
            } else if (a.destination == null && i == argv.size() - 1) {
                a.destination = arg;
            } else {
                throw new UsageError("unexpected argument '" + arg + "' (the stand-in takes sources from a file list)");
            }
        }
        if (a.flags.contains("-A")) {
            return a;
        }
        for (String required : List.of("-M", "--mode", "--host", "-P")) {
            if (!a.options.containsKey(required)) {
                throw new UsageError("missing required option " + required);
            }
        }
        if (!a.flags.contains("--dest64") || a.destination == null) {
            throw new UsageError("the stand-in needs --dest64 and a Base64 destination as the last argument");
        }
        if (a.options.containsKey("--file-list") == a.options.containsKey("--file-pair-list")) {
            throw new UsageError("exactly one of --file-list and --file-pair-list is needed");
        }
        a.session = parseSession(a.options.getOrDefault("-C", "1:1"));
        String mode = a.options.get("--mode");
        if (!mode.equals("send") && !mode.equals("recv")) {
            throw new UsageError("--mode must be send or recv, was " + mode);
        }
        return a;
    }

    boolean upload() {
        return "send".equals(options.get("--mode"));
    }

    String destinationRoot() {
        return new String(Base64.getDecoder().decode(destination), StandardCharsets.UTF_8);
    }

    /** 1-based session number and count from {@code -C i:N}. */
    private static int[] parseSession(String c) throws UsageError {
        String[] parts = c.split(":");
        try {
            int i = Integer.parseInt(parts[0]);
            int n = Integer.parseInt(parts[1]);
            if (i < 1 || i > n) {
                throw new UsageError("bad -C " + c);
            }
            return new int[] {i, n};
        } catch (RuntimeException e) {
            throw new UsageError("bad -C " + c);
        }
    }

    /** Target rate in bytes per second from {@code -l} (kbit/s), or 0 for unlimited. */
    long bytesPerSecond() {
        String l = options.get("-l");
        return l == null ? 0 : Long.parseLong(l) * 1000 / 8;
    }
}
