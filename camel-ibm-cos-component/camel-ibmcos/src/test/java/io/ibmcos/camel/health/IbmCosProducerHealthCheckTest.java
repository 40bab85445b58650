package io.ibmcos.camel.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.camel.IbmCosEndpoint;
import io.ibmcos.camel.support.IbmCosTestSupport;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

/** Readiness: up when the bucket answers, down when it does not; the shared client is never closed. */
class IbmCosProducerHealthCheckTest extends IbmCosTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ok").routeId("ok").to("ibmcos:" + BUCKET + "?keyName=k");
                from("direct:missing").to("ibmcos:missing-bucket?keyName=k");
            }
        };
    }

    @Test
    void upForAnExistingBucketDownForAMissingOne() {
        IbmCosEndpoint ok = context.getEndpoint("ibmcos:" + BUCKET + "?keyName=k", IbmCosEndpoint.class);
        IbmCosEndpoint missing = context.getEndpoint("ibmcos:missing-bucket?keyName=k", IbmCosEndpoint.class);
        HealthCheck.Result up = new IbmCosProducerHealthCheck(ok, "ok").call();
        HealthCheck.Result down = new IbmCosProducerHealthCheck(missing, "missing").call();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getDetails()).containsEntry(org.apache.camel.impl.health.AbstractHealthCheck.SERVICE_STATUS_CODE, 404);
        assertThat(new IbmCosProducerHealthCheck(ok, "ok").isLiveness()).isFalse();
        assertThat(recorder.count("close")).isZero();
        assertThat(fake.isClosed()).isFalse();
    }

    @Test
    void producersRegisterTheirCheckWhenHealthChecksAreOn() throws Exception {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        assertThat(registry).isNotNull();
        // producer checks are opt-in in Camel (camel.health.producersEnabled=true)
        registry.getRepository("producers").ifPresent(r -> r.setEnabled(true));
        // producers register their check when they start: restart the route now that the repository is enabled
        context.getRouteController().stopRoute("ok");
        context.getRouteController().startRoute("ok");
        sendOk("direct:ok", "x", Map.of());
        HealthCheck check = registry.getRepository("producers").orElseThrow().stream()
                .filter(c -> c.getId().equals("producer:ibmcos-" + BUCKET)).findFirst().orElseThrow();
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
    }
}
