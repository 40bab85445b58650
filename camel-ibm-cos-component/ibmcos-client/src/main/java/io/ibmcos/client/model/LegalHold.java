package io.ibmcos.client.model;

import java.time.Instant;

/** A legal hold on an object: its id and when it was applied. */
public record LegalHold(String id, Instant date) {

    /** COS allows at most this many legal holds on one object. */
    public static final int MAX_PER_OBJECT = 100;

    /**
     * Checks an id against COS's rules (1–64 characters: letters, digits and {@code ! _ . * ( ) - '}), so a bad id
     * fails before any request is sent.
     */
    public static String validateId(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            throw new IllegalArgumentException("Legal hold id must be 1 to 64 characters long, but was "
                    + (id == null ? "null" : id.length() + " characters"));
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!_.*()-'".indexOf(c) >= 0;
            if (!ok) {
                throw new IllegalArgumentException("Legal hold id '" + id + "' contains '" + c
                        + "': only letters, digits and ! _ . * ( ) - ' are allowed");
            }
        }
        return id;
    }
}
