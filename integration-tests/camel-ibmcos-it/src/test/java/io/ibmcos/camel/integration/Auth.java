package io.ibmcos.camel.integration;

import io.ibmcos.emulator.CosEmulator;

/** How an endpoint authenticates against the emulator: the same tests run with both. */
enum Auth {
    IAM,
    HMAC;

    /** The credential and connection part of an ibmcos: URI; secrets in RAW() as users are told to write them. */
    String uriOptions(CosEmulator emulator) {
        String common = "endpointUrl=" + emulator.endpoint();
        return switch (this) {
            case IAM -> common + "&apiKey=RAW(" + CosServers.EMULATOR_API_KEY + ")&serviceInstanceId="
                    + CosServers.EMULATOR_INSTANCE + "&iamEndpoint=" + emulator.iamEndpoint();
            case HMAC -> common + "&accessKey=" + CosServers.EMULATOR_ACCESS_KEY + "&secretKey=RAW("
                    + CosServers.EMULATOR_SECRET_KEY + ")";
        };
    }
}
