package dev.floe.catalog.warehouse;

import java.time.Instant;

/** An entity's new metadata location, waiting for its multi-table transaction to decide. */
record PendingChange(String txn, String metadataLocation, Instant deadline) {}
