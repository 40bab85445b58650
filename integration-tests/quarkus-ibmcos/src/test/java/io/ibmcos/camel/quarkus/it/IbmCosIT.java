package io.ibmcos.camel.quarkus.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same tests against the packaged application (the runnable jar, or the native executable with {@code -Dnative}):
 * Dev Services start the emulator in the test JVM and pass its endpoint and credentials to the launched process.
 */
@QuarkusIntegrationTest
class IbmCosIT extends IbmCosTest {
}
