package dev.floe.catalog.warehouse;

import java.util.UUID;

/**
 * The pointer object {@code .floe/entities/<uuid>.json}: which metadata file is current.
 *
 * <p>Every write carries a fresh commit id and the next sequence number, so no two versions have
 * the same bytes and a stale {@code If-Match} can never succeed by an ETag (MD5) collision.
 */
record EntityRecord(
    String uuid,
    ObjectKind kind,
    StoredIdentifier identifier,
    String metadataLocation,
    long sequence,
    String commitId,
    boolean registered,
    PendingChange pending) {

  static EntityRecord first(
      String uuid,
      ObjectKind kind,
      StoredIdentifier identifier,
      String metadataLocation,
      boolean registered) {
    return new EntityRecord(
        uuid, kind, identifier, metadataLocation, 1, newCommitId(), registered, null);
  }

  /** The next version pointing at {@code location}, no longer pending. */
  EntityRecord committed(StoredIdentifier newIdentifier, String location) {
    return new EntityRecord(
        uuid, kind, newIdentifier, location, sequence + 1, newCommitId(), registered, null);
  }

  /** The next version, still reading {@code metadataLocation}, pending in a transaction. */
  EntityRecord pendingIn(PendingChange change) {
    return new EntityRecord(
        uuid, kind, identifier, metadataLocation, sequence + 1, newCommitId(), registered, change);
  }

  EntityRecord renamed(StoredIdentifier newIdentifier) {
    return new EntityRecord(
        uuid,
        kind,
        newIdentifier,
        metadataLocation,
        sequence + 1,
        newCommitId(),
        registered,
        pending);
  }

  private static String newCommitId() {
    return UUID.randomUUID().toString();
  }
}
