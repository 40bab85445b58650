package io.ibmcos.benchmarks;

import io.ibmcos.benchmarks.clients.Clients;
import io.ibmcos.benchmarks.servers.Servers;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Command-line options of {@link UploadBenchmark}. */
record Options(long size, int rounds, List<String> servers, List<String> clients, List<String> sources,
        long warmupSize, boolean heap, long uploadTimeoutSeconds) {

    static final String USAGE = """
            usage: java -Xmx10g -jar ibmcos-benchmarks.jar [options]
              --size SIZE        bytes per upload, e.g. 1g, 256m, 5000000 (default 1g)
              --rounds N         timed rounds, clients interleaved within each round (default 3)
              --servers LIST     of emulator,s3proxy,discard (default all three)
              --clients LIST     of ours, ours:N (N parts in flight), camel, ibm, ibm-unchunked, ibm-buffered,
                                 aws, aws-crt
                                 (default ours,camel,ibm,aws,aws-crt)
              --sources LIST     of file,stream (default both)
              --warmup SIZE      untimed upload per client, server and source first (default 64m; 0 = none)
              --no-heap          skip the peak-heap probe of our uploader
              --timeout SECONDS  give up on one upload after this long (default 600)
              --quick            smoke run: --size 256m --rounds 1 --warmup 32m
            """;

    static Options parse(String[] args) {
        long size = parseSize("1g");
        int rounds = 3;
        List<String> servers = Servers.NAMES;
        List<String> clients = List.of("ours", "camel", "ibm", "aws", "aws-crt");
        List<String> sources = List.of("file", "stream");
        long warmup = parseSize("64m");
        boolean heap = true;
        long timeout = 600;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> {
                    size = parseSize("256m");
                    rounds = 1;
                    warmup = parseSize("32m");
                }
                case "--size" -> size = parseSize(value(args, ++i, a));
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i, a));
                case "--servers" -> servers = list(value(args, ++i, a));
                case "--clients" -> clients = list(value(args, ++i, a));
                case "--sources" -> sources = list(value(args, ++i, a));
                case "--warmup" -> warmup = parseSize(value(args, ++i, a));
                case "--no-heap" -> heap = false;
                case "--timeout" -> timeout = Long.parseLong(value(args, ++i, a));
                case "--help", "-h" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("Unknown option " + a);
            }
        }
        if (rounds < 1 || size < 1) {
            throw new IllegalArgumentException("--rounds and --size must be positive");
        }
        for (String s : sources) {
            if (!s.equals("file") && !s.equals("stream")) {
                throw new IllegalArgumentException("Unknown source '" + s + "'; use file and/or stream");
            }
        }
        for (String c : clients) {
            if (!c.equals("ours") && !c.startsWith("ours:") && !Clients.NAMES.contains(c)) {
                throw new IllegalArgumentException("Unknown client '" + c + "'; use some of " + Clients.NAMES);
            }
        }
        return new Options(size, rounds, servers, clients, sources, warmup, heap, timeout);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** "1g", "256m", "64k" (binary units) or plain bytes. */
    static long parseSize(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT).replace("ib", "").replace("b", "");
        long unit = 1;
        char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
        switch (last) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            default -> unit = 1;
        }
        String digits = unit == 1 ? v : v.substring(0, v.length() - 1);
        return Long.parseLong(digits.trim()) * unit;
    }
}
