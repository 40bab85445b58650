package io.ibmcos.camel.quarkus.deployment;

import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import java.util.List;

/**
 * Build steps of the {@code camel-ibmcos} extension (JVM and native). Camel Quarkus registers the component, its
 * endpoint, producer, consumer, configurers and URI factory by itself once the component jar is in the index; what is
 * left is our own: the client's model types that users hand to Jackson or Camel's bean introspection, the enum types of
 * the component options, and TLS for the {@code https} endpoints of IBM Cloud.
 */
class IbmCosProcessor {

    static final String FEATURE = "camel-ibmcos";

    static final String GROUP_ID = "io.ibmcos";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /**
     * camel-ibmcos already ships a Jandex index (Camel's package plugin writes it); naming it here as well keeps the
     * component discoverable if it is ever rebuilt without one. ibmcos-client ships none: indexing it is what lets
     * the model types below be derived from the index.
     */
    @BuildStep
    void indexDependencies(BuildProducer<IndexDependencyBuildItem> indexed) {
        indexed.produce(new IndexDependencyBuildItem(GROUP_ID, "camel-ibmcos"));
        indexed.produce(new IndexDependencyBuildItem(GROUP_ID, "ibmcos-client"));
    }

    /** COS and IAM on IBM Cloud are https only: the native image needs the https URL protocol and TLS. */
    @BuildStep
    ExtensionSslNativeSupportBuildItem sslNativeSupport() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    @BuildStep
    void registerForReflection(CombinedIndexBuildItem index, BuildProducer<ReflectiveClassBuildItem> reflective) {
        List<String> models = NativeReflectionTargets.modelTypes(index.getIndex());
        if (!models.isEmpty()) {
            reflective.produce(ReflectiveClassBuildItem.builder(models.toArray(String[]::new))
                    .reason("ibmcos model types are message bodies users serialise with Jackson or read in Simple")
                    .constructors().methods().fields().build());
        }
        List<String> optionEnums = NativeReflectionTargets.optionEnums(index.getIndex());
        if (!optionEnums.isEmpty()) {
            reflective.produce(ReflectiveClassBuildItem.builder(optionEnums.toArray(String[]::new))
                    .reason("ibmcos option enums are converted from configuration text by Camel")
                    .methods().fields().build());
        }
    }
}
