package io.ibmcos.client.aspera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a transfer spec to the ascp command line and environment, following aspera-cli's direct agent: options as
 * two argv items, the file list in a temporary file, {@code --dest64} with the Base64 destination as the last item.
 * Secrets go to the environment only ({@code ASPERA_SCP_TOKEN}, {@code ASPERA_SCP_PASS}, {@code ASPERA_SCP_KEY},
 * {@code ASPERA_SCP_COOKIE}); the one exception ascp leaves no way around is {@code --tags64}, which carries the
 * storage credentials and is masked by {@link Redaction#argv} wherever the command is logged.
 *
 * <p>Not passed, as aspera-cli does not pass them to ascp: the informational caps and locks
 * ({@code target_rate_cap_kbps}, {@code lock_*}, {@code rate_policy_allowed}). Also not passed: {@code http_fallback},
 * which needs a client certificate pair that ATS does not issue (see the component documentation).
 */
public final class AscpCommand {

    /** ascp's argv (program first), its environment additions and the content of the file list. */
    public record Built(List<String> argv, Map<String, String> environment, String fileListContent) {
        @Override
        public String toString() {
            return "AscpCommand[" + Redaction.argv(argv) + ", env=" + environment.keySet() + "]";
        }
    }

    /** Credentials ascp needs to open the SSH channel of a token transfer; none are ever placed in argv. */
    public record SshKey(Path keyFile, String passphrase) {
        @Override
        public String toString() {
            return "SshKey[" + keyFile + (passphrase == null ? "" : ", passphrase=****") + "]";
        }
    }

    private AscpCommand() {
    }

    /**
     * @param ascp       the executable
     * @param spec       the (edited) transfer spec
     * @param transferId shared by every session ({@code -u}, {@code tags.aspera.xfer_id})
     * @param session    1-based session number
     * @param sessions   number of sessions (1 = no {@code -C})
     * @param mgmtPort   loopback port ascp connects to
     * @param fileList   where the file list will be written
     * @param key        SSH key for token transfers, or null
     */
    public static Built build(Path ascp, TransferSpec spec, String transferId, int session, int sessions,
            int mgmtPort, Path fileList, SshKey key) {
        List<String> a = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        a.add(ascp.toString());
        a.add("-M");
        a.add(Integer.toString(mgmtPort));
        if (sessions > 1) {
            a.add("-C");
            a.add(session + ":" + sessions);
        }
        a.add("-q");
        String token = spec.token();
        boolean password = spec.text("remote_password") != null || spec.text("ssh_private_key") != null;
        if (token != null && !password && key != null && key.keyFile() != null) {
            a.add("-i");
            a.add(key.keyFile().toString());
            if (key.passphrase() != null) {
                env.put("ASPERA_SCP_PASS", key.passphrase());
            }
        }
        a.add("-u");
        a.add(transferId);
        a.add("--mode");
        a.add(mode(spec.direction()));
        option(a, "--user", spec.text("remote_user"));
        String host = spec.remoteHost();
        if (host == null || host.isBlank()) {
            throw new AsperaException("The transfer spec has no remote_host");
        }
        option(a, "--host", host);
        option(a, "-P", spec.text("ssh_port"));
        option(a, "-O", spec.text("fasp_port"));
        String cipher = spec.text("cipher");
        option(a, "-c", cipher == null ? null : cipher.replace("-", ""));
        option(a, "--policy", spec.text("rate_policy"));
        option(a, "-l", positive(spec.number("target_rate_kbps")));
        option(a, "-m", positive(spec.number("min_rate_kbps")));
        option(a, "-k", resumeLevel(spec.text("resume_policy")));
        option(a, "--check-sshfp", spec.text("sshfp"));
        JsonNode tags = tagsWithTransferId(spec, transferId);
        if (tags != null) {
            a.add("--tags64");
            a.add(b64(tags.toString()));
        }
        option(a, "--multi-session-threshold", positive(spec.number("multi_session_threshold")));
        String sourceRoot = spec.text("source_root");
        if (sourceRoot != null && !sourceRoot.isEmpty()) {
            a.add("--source-prefix64");
            a.add(b64(sourceRoot));
        }
        if (spec.json().path("create_dir").asBoolean(false)) {
            a.add("-d");
        }
        List<TransferSpec.PathPair> paths = spec.paths();
        if (paths.isEmpty()) {
            throw new AsperaException("The transfer spec has no paths");
        }
        long withDestination = paths.stream().filter(p -> p.destination() != null).count();
        if (withDestination != 0 && withDestination != paths.size()) {
            throw new AsperaException("Either every path of a transfer spec has a destination or none has");
        }
        StringBuilder list = new StringBuilder();
        for (TransferSpec.PathPair p : paths) {
            list.append(p.source()).append('\n');
            if (withDestination != 0) {
                list.append(p.destination()).append('\n');
            }
        }
        a.add("--dest64");
        a.add((withDestination != 0 ? "--file-pair-list=" : "--file-list=") + fileList);
        String destinationRoot = spec.text("destination_root");
        a.add(b64(destinationRoot == null || destinationRoot.isEmpty() ? "/" : destinationRoot));

        if (token != null) {
            env.put("ASPERA_SCP_TOKEN", token);
        }
        putIfPresent(env, "ASPERA_SCP_PASS", spec.text("remote_password"));
        putIfPresent(env, "ASPERA_SCP_PASS", spec.text("ssh_private_key_passphrase"));
        putIfPresent(env, "ASPERA_SCP_KEY", spec.text("ssh_private_key"));
        putIfPresent(env, "ASPERA_SCP_COOKIE", spec.text("cookie"));
        env.put("ASPERA_TEST_REDIS_DISABLE", "true");
        return new Built(List.copyOf(a), Map.copyOf(env), list.toString());
    }

    /** {@code send} / {@code receive} (also {@code upload}/{@code download}) → ascp's {@code send} / {@code recv}. */
    static String mode(String direction) {
        if (direction == null) {
            throw new AsperaException("The transfer spec has no direction");
        }
        return switch (direction.strip().toLowerCase(Locale.ROOT)) {
            case "send", "upload" -> "send";
            case "receive", "recv", "download" -> "recv";
            default -> throw new AsperaException("Unknown transfer spec direction: " + direction);
        };
    }

    static String resumeLevel(String policy) {
        if (policy == null || policy.isEmpty()) {
            return null;
        }
        return switch (policy) {
            case "none" -> "0";
            case "attrs" -> "1";
            case "sparse_csum" -> "2";
            case "full_csum" -> "3";
            default -> throw new AsperaException("Unknown transfer spec resume_policy: " + policy);
        };
    }

    /**
     * The spec's tags; when {@code tags.aspera} is an object, with {@code xfer_id} set so that all sessions of one
     * transfer are recognised as one (aspera-cli does the same).
     */
    private static JsonNode tagsWithTransferId(TransferSpec spec, String transferId) {
        JsonNode tags = spec.json().get("tags");
        if (tags == null || tags.isNull()) {
            return null;
        }
        JsonNode copy = tags.deepCopy();
        if (copy.get("aspera") instanceof ObjectNode aspera) {
            aspera.put("xfer_id", transferId);
        }
        return copy;
    }

    private static void option(List<String> argv, String name, String value) {
        if (value != null && !value.isEmpty()) {
            argv.add(name);
            argv.add(value);
        }
    }

    private static String positive(Long value) {
        return value == null || value <= 0 ? null : value.toString();
    }

    private static void putIfPresent(Map<String, String> env, String name, String value) {
        if (value != null && !value.isEmpty()) {
            env.put(name, value);
        }
    }

    static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
