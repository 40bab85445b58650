package io.ibmcos.emulator.storage;

import java.time.Instant;

/** A legal hold on an object: its id and when it was applied. */
public record LegalHold(String id, Instant date) {
}
