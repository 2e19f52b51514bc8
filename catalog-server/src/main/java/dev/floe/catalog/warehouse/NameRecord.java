package dev.floe.catalog.warehouse;

/**
 * The name object {@code .floe/tables/<ns>/<name>.json}: which entity a name refers to. It repeats
 * the identifier because hashed keys cannot be decoded.
 */
record NameRecord(String uuid, ObjectKind kind, StoredIdentifier identifier) {}
