package dev.floe.catalog.store;

/** An object's bytes and the ETag they were read with, to be handed back to a conditional write. */
public record StoredObject(byte[] body, String etag) {}
