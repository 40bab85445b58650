package io.ibmcos.camel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.client.model.ObjectSummary;
import io.ibmcos.emulator.CosEmulator;
import java.util.List;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's YAML DSL route shape, loaded by camel-yaml-dsl and run against the emulator: property placeholders
 * inside RAW(...) carry an API key with + / = &amp; % intact.
 */
class IbmCosYamlDslIT extends CamelTestSupport {

    private static CosEmulator emulator;

    private static final String ROUTE = """
            - route:
                from:
                  uri: direct:report
                  steps:
                    - setHeader:
                        name: CamelIbmCosKey
                        simple: "reports/${header.day}.txt"
                    - to:
                        uri: ibmcos:reports
                        parameters:
                          endpointUrl: "{{cos.endpoint}}"
                          apiKey: "RAW({{cos.apiKey}})"
                          serviceInstanceId: "{{cos.instance}}"
                          iamEndpoint: "{{cos.iam}}"
                          autoCreateBucket: true
                    - to:
                        uri: ibmcos:reports
                        parameters:
                          endpointUrl: "{{cos.endpoint}}"
                          apiKey: "RAW({{cos.apiKey}})"
                          iamEndpoint: "{{cos.iam}}"
                          operation: listObjects
                          prefix: reports/
                          listAll: true
            """;

    @BeforeAll
    static void start() throws Exception {
        emulator = CosServers.startEmulator();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void yamlRouteUploadsAndLists() throws Exception {
        Properties p = new Properties();
        p.setProperty("cos.endpoint", emulator.endpoint().toString());
        p.setProperty("cos.iam", emulator.iamEndpoint().toString());
        p.setProperty("cos.apiKey", CosServers.EMULATOR_API_KEY);
        p.setProperty("cos.instance", CosServers.EMULATOR_INSTANCE);
        context.getPropertiesComponent().setOverrideProperties(p);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("report.yaml", ROUTE));

        for (String day : new String[] { "2026-11-28", "2026-11-29" }) {
            Exchange e = template.send("direct:report", x -> {
                x.getMessage().setHeader("day", day);
                x.getMessage().setBody("report of " + day);
            });
            assertThat(e.getException()).isNull();
            List<?> listed = e.getMessage().getBody(List.class);
            assertThat(listed).extracting(o -> ((ObjectSummary) o).key()).contains("reports/" + day + ".txt");
        }
    }
}
