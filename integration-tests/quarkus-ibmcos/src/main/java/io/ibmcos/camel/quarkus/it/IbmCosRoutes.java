package io.ibmcos.camel.quarkus.it;

import io.ibmcos.camel.IbmCosConstants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

/** The consumer under test: every new object of the watched bucket is recorded by {@link ConsumedObjects}, once. */
@ApplicationScoped
public class IbmCosRoutes extends RouteBuilder {

    @Inject
    ConsumedObjects consumed;

    @Override
    public void configure() {
        from("ibmcos:{{it.consumer.bucket}}?delay=200")
                .routeId("ibmcos-consumer")
                .log("consumed ${header." + IbmCosConstants.KEY + "}")
                .process(e -> consumed.add(e.getMessage().getHeader(IbmCosConstants.KEY, String.class)));

        // a downloaded body is a stream the component closes when the exchange completes: read it inside the route
        from("direct:download")
                .toD("ibmcos:${header." + IbmCosConstants.BUCKET_NAME + "}?operation=getObject")
                .convertBodyTo(byte[].class);
    }
}
