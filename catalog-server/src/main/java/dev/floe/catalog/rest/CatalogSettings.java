package dev.floe.catalog.rest;

import dev.floe.catalog.store.ObjectStore;
import java.time.Clock;
import java.time.Duration;

/**
 * Settings of the REST catalog.
 *
 * @param store the backing store, for durable Idempotency-Key records
 * @param systemBucket the bucket holding server-wide records
 * @param idempotencyLifetime how long a finished request's response is replayed for its key
 * @param maxBodyBytes the largest request body accepted
 * @param vendedCredentialsLifetime how long vended table credentials stay valid
 * @param clock the time source
 */
public record CatalogSettings(
    ObjectStore store,
    String systemBucket,
    Duration idempotencyLifetime,
    long maxBodyBytes,
    Duration vendedCredentialsLifetime,
    Clock clock) {}
