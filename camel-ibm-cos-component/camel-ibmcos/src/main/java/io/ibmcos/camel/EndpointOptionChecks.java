package io.ibmcos.camel;

/**
 * Checks of endpoint options that every endpoint runs when it is created, whether it builds its own client or is
 * given one, so a wrong value fails the route at startup with the option's name instead of at the first request (or
 * never, when a given client ignores it). The endpoint's own bucket name is checked per exchange (and by the client),
 * since routes that take every bucket from headers may name a placeholder in the path.
 */
final class EndpointOptionChecks {

    private EndpointOptionChecks() {
    }

    static void check(IbmCosConfiguration c) {
        positive("connectTimeout", c.getConnectTimeout());
        if (c.getRequestTimeout() < 0) {
            throw new IllegalArgumentException("Option requestTimeout must be 0 (no limit) or more, but was "
                    + c.getRequestTimeout());
        }
        positive("maxConnections", c.getMaxConnections());
        if (c.getAbortIncompleteUploadsAfter() < 0) {
            throw new IllegalArgumentException("Option abortIncompleteUploadsAfter must be a positive duration such as "
                    + "24h (or unset), but was " + c.getAbortIncompleteUploadsAfter() + " ms");
        }
    }

    private static void positive(String option, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("Option " + option + " must be greater than 0, but was " + value);
        }
    }
}
