package io.ibmcos.reliability;

import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/** An uploader in its own JVM: one large multipartUpload of seeded data through a route; the test kills it midway. */
public final class UploaderNode {

    private UploaderNode() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = NodeSupport.args(argv);
        long size = Long.parseLong(args.get("sizeMiB")) * 1024 * 1024;
        NodeSupport.DurableLog out = new NodeSupport.DurableLog(Path.of(args.get("out")));
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            out.line("uploading " + size);
            template.sendBodyAndHeader("ibmcos:" + args.get("bucket") + "?" + NodeSupport.cosOptions()
                    + "&operation=multipartUpload&partSize=5242880&multipartConcurrency=2",
                    new SeededData(1, size), "CamelIbmCosKey", args.get("key"));
            out.line("done");
        }
    }
}
