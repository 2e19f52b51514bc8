package dev.floe.catalog.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.floe.catalog.store.ObjectStore;
import dev.floe.catalog.store.PreconditionFailedException;
import dev.floe.catalog.store.StoredObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Durable Idempotency-Key handling: the first request with a key claims it with a conditional
 * write, and its final response is stored next to the claim, so a retry reaching any Floe
 * instance gets the same answer. Records live in the system bucket and expire after the lifetime
 * advertised in {@code /v1/config}.
 */
final class IdempotencyKeys {
  /** A claim older than this is taken to belong to a request that died and may be taken over. */
  private static final Duration ABANDONED_CLAIM = Duration.ofMinutes(2);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectStore store;
  private final String bucket;
  private final Duration lifetime;
  private final Clock clock;

  IdempotencyKeys(ObjectStore store, String bucket, Duration lifetime, Clock clock) {
    this.store = store;
    this.bucket = bucket;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  Duration lifetime() {
    return lifetime;
  }

  /** What to do with a request carrying an Idempotency-Key. */
  sealed interface Outcome {}

  /** This request owns the key: run it, then {@link #complete} or {@link #release}. */
  record Claimed(String objectKey, String etag) implements Outcome {}

  /** An earlier request with this key finished: answer with its response. */
  record Replay(CatalogResponse response) implements Outcome {}

  /** An earlier request with this key is still running. */
  record InProgress() implements Outcome {}

  /** The key was used for a different request. */
  record Mismatch() implements Outcome {}

  Outcome begin(String principal, String idempotencyKey, String fingerprint) {
    String objectKey = "idempotency/" + sha256Hex(principal + "\n" + idempotencyKey) + ".json";
    IdempotencyRecord claim =
        new IdempotencyRecord(fingerprint, clock.instant().toString(), null, null, null);
    for (int attempt = 0; attempt < 3; attempt++) {
      // most keys are new: claim first, and read the record only when one is already there
      try {
        return new Claimed(objectKey, store.putIfAbsent(bucket, objectKey, toJson(claim)));
      } catch (PreconditionFailedException exists) {
        // fall through to the record that holds the key
      }
      Optional<StoredObject> existing = store.get(bucket, objectKey);
      if (existing.isEmpty()) {
        continue;
      }
      IdempotencyRecord record = fromJson(existing.get().body());
      if (isReusable(record)) {
        try {
          return new Claimed(
              objectKey,
              store.putIfMatch(bucket, objectKey, toJson(claim), existing.get().etag()));
        } catch (PreconditionFailedException raced) {
          continue;
        }
      }
      if (!record.fingerprint().equals(fingerprint)) {
        return new Mismatch();
      }
      return record.status() == null ? new InProgress() : new Replay(record.response());
    }
    return new InProgress();
  }

  void complete(Claimed claim, String fingerprint, CatalogResponse response) {
    byte[] body = response.body() == null ? null : RestJson.write(response.body());
    IdempotencyRecord done =
        new IdempotencyRecord(
            fingerprint,
            clock.instant().toString(),
            response.status(),
            body == null ? null : new String(body, StandardCharsets.UTF_8),
            response.headers());
    try {
      store.putIfMatch(bucket, claim.objectKey(), toJson(done), claim.etag());
    } catch (PreconditionFailedException takenOver) {
      // Another request took the claim over as abandoned; its outcome stands.
    }
  }

  void release(Claimed claim) {
    store.delete(bucket, claim.objectKey());
  }

  private boolean isReusable(IdempotencyRecord record) {
    Instant since = Instant.parse(record.since());
    Duration age = Duration.between(since, clock.instant());
    return record.status() == null ? age.compareTo(ABANDONED_CLAIM) > 0 : age.compareTo(lifetime) > 0;
  }

  private static byte[] toJson(IdempotencyRecord record) {
    try {
      return JSON.writeValueAsBytes(record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IdempotencyRecord fromJson(byte[] bytes) {
    try {
      return JSON.readValue(bytes, IdempotencyRecord.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Corrupt idempotency record", e);
    }
  }

  static String sha256Hex(String value) {
    return sha256Hex(value.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256Hex(byte[] value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The stored form: a claim has no status yet; a finished request has its response. */
  record IdempotencyRecord(
      String fingerprint, String since, Integer status, String body, Map<String, String> headers) {

    CatalogResponse response() {
      Object parsed = null;
      if (body != null) {
        try {
          parsed = RestJson.mapper().readTree(body);
        } catch (IOException e) {
          throw new UncheckedIOException("Corrupt idempotency record", e);
        }
      }
      return new CatalogResponse(status, parsed, headers == null ? Map.of() : headers);
    }
  }
}
