package io.ibmcos.examples.quarkus;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.model.ProtectionConfiguration;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * In dev and test mode (the emulator from Dev Services) gives the bucket a retention policy, so uploads with
 * {@code retentionDays} work: minimum and default 0 days (plain uploads stay deletable), maximum 10 years. On IBM Cloud
 * ({@code documents.setup-protection=false}) the bucket's policy is an administrator's decision, not the app's.
 */
@ApplicationScoped
public class BucketProtectionSetup {

    private static final Logger LOG = Logger.getLogger(BucketProtectionSetup.class);

    void onStart(@Observes StartupEvent event, ProducerTemplate template,
            @ConfigProperty(name = "documents.bucket") String bucket,
            @ConfigProperty(name = "documents.setup-protection", defaultValue = "false") boolean setup) {
        if (!setup) {
            return;
        }
        String endpoint = "ibmcos:" + bucket + "?operation=";
        ProtectionConfiguration current = template.requestBody(endpoint + "getBucketProtectionConfiguration", null,
                ProtectionConfiguration.class);
        if (current != null && current.status() == ProtectionConfiguration.Status.RETENTION) {
            return;
        }
        template.requestBodyAndHeaders(endpoint + "putBucketProtectionConfiguration", null, Map.of(
                IbmCosConstants.MINIMUM_RETENTION_DAYS, 0,
                IbmCosConstants.DEFAULT_RETENTION_DAYS, 0,
                IbmCosConstants.MAXIMUM_RETENTION_DAYS, 3650));
        LOG.infof("Bucket %s now has a retention policy (0 to 3650 days)", bucket);
    }
}
