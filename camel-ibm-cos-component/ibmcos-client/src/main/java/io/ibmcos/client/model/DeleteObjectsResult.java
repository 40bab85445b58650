package io.ibmcos.client.model;

import java.util.List;

/** Outcome of a multi-object delete: keys reported deleted, and per-key errors (nothing is thrown for those). */
public record DeleteObjectsResult(List<String> deleted, List<DeleteError> errors) {

    public DeleteObjectsResult {
        deleted = deleted == null ? List.of() : List.copyOf(deleted);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public record DeleteError(String key, String code, String message) {
    }
}
