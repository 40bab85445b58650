package io.ibmcos.emulator.storage;

/** Identifies one immutable run of object bytes held by a {@link Storage}; an object is a list of these. */
public record BlobRef(String id, long length) {
}
