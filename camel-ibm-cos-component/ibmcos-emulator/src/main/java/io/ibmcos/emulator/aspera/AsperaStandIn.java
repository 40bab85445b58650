package io.ibmcos.emulator.aspera;

import io.ibmcos.emulator.auth.IamTokens;
import io.ibmcos.emulator.ops.Call;
import io.ibmcos.emulator.ops.Dispatcher;
import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.Operation;
import io.ibmcos.emulator.protocol.Response;
import io.ibmcos.emulator.protocol.Xml;
import io.ibmcos.emulator.storage.Storage;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's Aspera side: {@code GET /{bucket}?faspConnectionInfo} (a per-bucket ATS access key and an
 * {@code ATSEndpoint} pointing back at this emulator), the ATS stand-in ({@link AtsSetup}) and the data path of the
 * test {@code ascp} stand-in ({@link AsperaDataPath}). Real FASP cannot run offline; this keeps every HTTP shape of
 * the control plane real and moves the bytes over plain HTTP instead.
 */
public final class AsperaStandIn {

    /** An ATS access key (Basic auth for {@code files/*_setup}); one per bucket, created on first request. */
    record AccessKey(String bucket, String id, String secret) {
    }

    private final Storage storage;
    private final Map<String, AccessKey> byBucket = new ConcurrentHashMap<>();
    private final Map<String, AccessKey> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final TransferTokens transferTokens = new TransferTokens();
    private final AtsSetup ats;
    private final AsperaDataPath data;

    public AsperaStandIn(Storage storage, IamTokens iamTokens) {
        this.storage = storage;
        this.ats = new AtsSetup(storage, iamTokens, transferTokens, byId::get);
        this.data = new AsperaDataPath(storage, transferTokens);
    }

    public void register(Dispatcher dispatcher) {
        dispatcher.register(Operation.GetFaspConnectionInfo, this::connectionInfo)
                .register(Operation.AtsUploadSetup, call -> ats.setup(call, true))
                .register(Operation.AtsDownloadSetup, call -> ats.setup(call, false))
                .register(Operation.AsperaSession, data::session)
                .register(Operation.AsperaPut, data::put)
                .register(Operation.AsperaGet, data::get)
                .register(Operation.AsperaList, data::list);
    }

    private Response connectionInfo(Call call) {
        String bucket = call.bucket();
        if (storage.bucket(bucket).isEmpty()) {
            throw CosException.noSuchBucket();
        }
        AccessKey key = byBucket.computeIfAbsent(bucket, b -> {
            AccessKey k = new AccessKey(b, "ats-" + hex(10), hex(20));
            byId.put(k.id(), k);
            return k;
        });
        String host = call.header("Host");
        if (host == null || host.isBlank()) {
            throw CosException.invalidArgument("Missing Host header");
        }
        byte[] xml = Xml.document("FASPConnectionInfo").start("AccessKey").element("Id", key.id())
                .element("Secret", key.secret()).end("AccessKey")
                .element("ATSEndpoint", "http://" + host.strip() + AsperaRoutes.PREFIX).finish("FASPConnectionInfo");
        return Response.xml(200, xml);
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
