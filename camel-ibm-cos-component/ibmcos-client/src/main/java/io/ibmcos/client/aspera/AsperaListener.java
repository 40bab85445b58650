package io.ibmcos.client.aspera;

/**
 * Receives the events of one transfer. Called from engine threads (one at a time per transfer); must not block.
 */
@FunctionalInterface
public interface AsperaListener {

    AsperaListener NONE = event -> { };

    void onEvent(AsperaEvent event);
}
