package dev.floe.catalog.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.floe.catalog.store.ObjectStore;
import dev.floe.catalog.store.PreconditionFailedException;
import dev.floe.catalog.store.StoredObject;
import dev.floe.catalog.warehouse.CommitKey;
import dev.floe.catalog.warehouse.KeyedCommit;
import dev.floe.catalog.warehouse.NoSuchWarehouseException;
import dev.floe.catalog.warehouse.Warehouses;
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
 *
 * <p>A table commit ({@link TableCommitKey}) is cheaper: its claim is written beside the commit's
 * metadata file, and its success is recorded by the table pointer's own compare-and-swap, which
 * remembers the table's last few keyed commits. Only when the pointer is about to forget one is
 * its outcome written to the key's record. So a retry finds the outcome in the pointer or in the
 * record, on any instance, for the whole lifetime.
 */
final class IdempotencyKeys {
  /** A claim older than this is taken to belong to a request that died and may be taken over. */
  private static final Duration ABANDONED_CLAIM = Duration.ofMinutes(2);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectStore store;
  private final String bucket;
  private final Duration lifetime;
  private final Clock clock;
  private final Warehouses warehouses;

  IdempotencyKeys(
      ObjectStore store, String bucket, Duration lifetime, Clock clock, Warehouses warehouses) {
    this.store = store;
    this.bucket = bucket;
    this.lifetime = lifetime;
    this.clock = clock;
    this.warehouses = warehouses;
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

  /** An earlier table commit with this key made {@code metadataLocation} current. */
  record ReplayCommit(String warehouse, String metadataLocation) implements Outcome {}

  Outcome begin(String principal, String idempotencyKey, String fingerprint) {
    String keyId = keyId(principal, idempotencyKey);
    String objectKey = objectKey(keyId);
    IdempotencyRecord claim = IdempotencyRecord.claim(fingerprint, clock.instant());
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
      if (isFree(record, keyId)) {
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
    IdempotencyRecord done = IdempotencyRecord.finished(fingerprint, clock.instant(), response);
    try {
      store.putIfMatch(bucket, claim.objectKey(), toJson(done), claim.etag());
    } catch (PreconditionFailedException takenOver) {
      // Another request took the claim over as abandoned; its outcome stands.
    }
  }

  void release(Claimed claim) {
    store.delete(bucket, claim.objectKey());
  }

  /**
   * The key of one table commit request in warehouse {@code warehouse}. Its fingerprint is hashed:
   * the table pointer carries it, and must stay small whatever the names in the request.
   */
  TableCommitKey forTableCommit(
      String principal, String idempotencyKey, String fingerprint, String warehouse) {
    return new TableCommitKey(keyId(principal, idempotencyKey), sha256Hex(fingerprint), warehouse);
  }

  /**
   * What a table commit whose key an earlier request holds gets: that request's outcome if the
   * table's pointer or the key's record shows one, else "in progress".
   */
  Outcome resolve(TableCommitKey key) {
    Optional<StoredObject> stored = store.get(bucket, objectKey(key.key()));
    if (stored.isEmpty()) {
      return new InProgress();
    }
    IdempotencyRecord record = fromJson(stored.get().body());
    if (!record.fingerprint().equals(key.fingerprint())) {
      return new Mismatch();
    }
    if (record.metadataLocation() != null) {
      return new ReplayCommit(record.warehouse(), record.metadataLocation());
    }
    if (record.status() != null) {
      return new Replay(record.response());
    }
    return remembered(record, key.key())
        .<Outcome>map(location -> new ReplayCommit(record.warehouse(), location))
        .orElseGet(InProgress::new);
  }

  /**
   * The location a keyed table commit made current, while the table's pointer remembers it; a
   * warehouse deleted since remembers nothing.
   */
  private Optional<String> remembered(IdempotencyRecord record, String keyId) {
    if (record.table() == null) {
      return Optional.empty();
    }
    try {
      return warehouses
          .catalog(record.warehouse())
          .rememberedCommit(record.table(), keyId)
          .map(KeyedCommit::metadataLocation);
    } catch (NoSuchWarehouseException gone) {
      return Optional.empty();
    }
  }

  /**
   * An Idempotency-Key on a table commit (see the class comment). It learns whether it won the
   * claim, so that only the request that holds the key records a final error or releases it.
   */
  final class TableCommitKey implements CommitKey {
    private final String id;
    private final String fingerprint;
    private final String warehouse;
    private volatile String claimEtag;

    private TableCommitKey(String id, String fingerprint, String warehouse) {
      this.id = id;
      this.fingerprint = fingerprint;
      this.warehouse = warehouse;
    }

    @Override
    public String key() {
      return id;
    }

    @Override
    public String fingerprint() {
      return fingerprint;
    }

    /** Whether this request holds the key (it won the claim). */
    boolean claimed() {
      return claimEtag != null;
    }

    @Override
    public boolean claim(String tableUuid) {
      String objectKey = objectKey(id);
      byte[] claim =
          toJson(IdempotencyRecord.tableClaim(fingerprint, clock.instant(), warehouse, tableUuid));
      for (int attempt = 0; attempt < 3; attempt++) {
        try {
          claimEtag = store.putIfAbsent(bucket, objectKey, claim);
          return true;
        } catch (PreconditionFailedException exists) {
          // fall through to the record that holds the key
        }
        Optional<StoredObject> existing = store.get(bucket, objectKey);
        if (existing.isEmpty()) {
          continue;
        }
        IdempotencyRecord record = fromJson(existing.get().body());
        if (!isFree(record, id)) {
          return false;
        }
        try {
          claimEtag = store.putIfMatch(bucket, objectKey, claim, existing.get().etag());
          return true;
        } catch (PreconditionFailedException raced) {
          // another request took it over first: look again
        }
      }
      return false;
    }

    @Override
    public void remember(String tableUuid, KeyedCommit forgotten) {
      store.put(
          bucket,
          objectKey(forgotten.key()),
          toJson(
              IdempotencyRecord.committed(
                  forgotten.fingerprint(),
                  clock.instant(),
                  warehouse,
                  tableUuid,
                  forgotten.metadataLocation())));
    }

    /** Records a final error of the commit, so a retry gets it again. */
    void completeWithError(CatalogResponse response) {
      complete(new Claimed(objectKey(id), claimEtag), fingerprint, response);
    }

    /** Gives the key up after an outcome a retry may change. */
    void release() {
      IdempotencyKeys.this.release(new Claimed(objectKey(id), claimEtag));
    }
  }

  /**
   * Whether a new request may take the key over: its record expired, or its claim was abandoned. A
   * table commit's claim is never finished on success, so it counts as abandoned only while its
   * table's pointer does not remember the commit.
   */
  private boolean isFree(IdempotencyRecord record, String keyId) {
    return isReusable(record) && remembered(record, keyId).isEmpty();
  }

  private boolean isReusable(IdempotencyRecord record) {
    Instant since = Instant.parse(record.since());
    Duration age = Duration.between(since, clock.instant());
    return record.status() == null ? age.compareTo(ABANDONED_CLAIM) > 0 : age.compareTo(lifetime) > 0;
  }

  private static String keyId(String principal, String idempotencyKey) {
    return sha256Hex(principal + "\n" + idempotencyKey);
  }

  private static String objectKey(String keyId) {
    return "idempotency/" + keyId + ".json";
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

  /**
   * The stored form: a claim has no status yet; a finished request has its response. A table
   * commit's claim names its table ({@code warehouse}, {@code table}: the uuid), whose pointer
   * holds the outcome; once the pointer forgets it, the record holds the metadata location.
   */
  record IdempotencyRecord(
      String fingerprint,
      String since,
      Integer status,
      String body,
      Map<String, String> headers,
      String warehouse,
      String table,
      String metadataLocation) {

    static IdempotencyRecord claim(String fingerprint, Instant now) {
      return new IdempotencyRecord(fingerprint, now.toString(), null, null, null, null, null, null);
    }

    static IdempotencyRecord tableClaim(
        String fingerprint, Instant now, String warehouse, String table) {
      return new IdempotencyRecord(
          fingerprint, now.toString(), null, null, null, warehouse, table, null);
    }

    static IdempotencyRecord committed(
        String fingerprint, Instant now, String warehouse, String table, String metadataLocation) {
      return new IdempotencyRecord(
          fingerprint, now.toString(), 200, null, null, warehouse, table, metadataLocation);
    }

    static IdempotencyRecord finished(String fingerprint, Instant now, CatalogResponse response) {
      byte[] body = response.body() == null ? null : RestJson.write(response.body());
      return new IdempotencyRecord(
          fingerprint,
          now.toString(),
          response.status(),
          body == null ? null : new String(body, StandardCharsets.UTF_8),
          response.headers(),
          null,
          null,
          null);
    }

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
