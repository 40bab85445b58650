package io.ibmcos.examples.quarkus;

import io.ibmcos.camel.IbmCosConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * Uploads go through {@code direct:store}; the consumer logs every new object of the bucket once (it does not delete
 * or move anything: the default, non-destructive mode of the {@code ibmcos:} consumer).
 */
public class DocumentRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:store")
                .routeId("store-document")
                .to("ibmcos:{{documents.bucket}}?operation=putObject");

        from("ibmcos:{{documents.bucket}}?includeBody=false&includeUserMetadata=true&delay={{documents.poll-delay}}")
                .routeId("log-new-documents")
                .log("New document ${header." + IbmCosConstants.KEY + "} (${header." + IbmCosConstants.CONTENT_LENGTH
                        + "} bytes, metadata ${header." + IbmCosConstants.METADATA + "})");
    }
}
