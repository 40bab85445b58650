package io.ibmcos.camel.quarkus.deployment;

import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.configuration.ConfigUtils;
import org.jboss.logging.Logger;

/**
 * Describes the COS emulator Dev Service; Quarkus starts it right before the application (dev mode, tests, and the
 * JVM that drives {@code @QuarkusIntegrationTest}), shares it between applications with the same settings, and closes
 * it on shutdown. Skipped when the application names its own COS endpoint.
 */
@BuildSteps(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
class IbmCosDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(IbmCosDevServicesProcessor.class);

    static final String ENDPOINT_URL = EmulatorDevService.PREFIX + "endpoint-url";

    @BuildStep
    DevServicesResultBuildItem emulator(IbmCosDevServicesConfig config) {
        if (!config.enabled()) {
            LOG.debug("ibmcos Dev Services disabled by quarkus.camel.ibmcos.devservices.enabled=false");
            return null;
        }
        if (ConfigUtils.isPropertyNonEmpty(ENDPOINT_URL)
                || ConfigUtils.isPropertyNonEmpty(EmulatorDevService.PREFIX + "endpointUrl")) {
            LOG.infof("Not starting the ibmcos Dev Service: %s is set", ENDPOINT_URL);
            return null;
        }
        EmulatorDevService.Settings settings = EmulatorDevService.Settings.of(config);
        return DevServicesResultBuildItem.owned()
                .feature(IbmCosProcessor.FEATURE)
                .description("IBM Cloud Object Storage emulator (in-process)")
                .serviceConfig(settings)
                .startable(() -> new EmulatorDevService(settings))
                .configProvider(EmulatorDevService.injectedProperties(settings.credentialType()))
                .build();
    }
}
