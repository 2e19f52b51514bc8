package dev.floe.catalog.warehouse;

/**
 * A commit made under an Idempotency-Key, as the table pointer remembers it: which key, for which
 * request, and the metadata it committed. A retry of the same request answers with that metadata.
 *
 * @param key the key's identity (a hash that includes the caller; never the raw key)
 * @param fingerprint what the request asked for, to refuse the key reused for another request
 * @param metadataLocation the metadata file the keyed commit made current
 */
public record KeyedCommit(String key, String fingerprint, String metadataLocation) {}
