package dev.floe.catalog.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The pointer object {@code .floe/entities/<uuid>.json}: which metadata file is current.
 *
 * <p>Every write carries a fresh commit id and the next sequence number, so no two versions have
 * the same bytes and a stale {@code If-Match} can never succeed by an ETag (MD5) collision.
 *
 * <p>The pointer also remembers its last few commits made under an Idempotency-Key ({@code
 * keyedCommits}, oldest first): the swap that commits is the one that records the key, so a retry
 * can never find the commit without the key or the key without the commit.
 */
record EntityRecord(
    String uuid,
    ObjectKind kind,
    StoredIdentifier identifier,
    String metadataLocation,
    long sequence,
    String commitId,
    boolean registered,
    PendingChange pending,
    List<KeyedCommit> keyedCommits) {
  /** How many keyed commits a pointer remembers; older ones are made durable elsewhere first. */
  static final int REMEMBERED_KEYED_COMMITS = 8;

  EntityRecord {
    keyedCommits = keyedCommits == null ? List.of() : List.copyOf(keyedCommits);
  }

  static EntityRecord first(
      String uuid,
      ObjectKind kind,
      StoredIdentifier identifier,
      String metadataLocation,
      boolean registered) {
    return first(uuid, kind, identifier, metadataLocation, registered, Optional.empty());
  }

  /** The first version, remembering the key of the create when it had one. */
  static EntityRecord first(
      String uuid,
      ObjectKind kind,
      StoredIdentifier identifier,
      String metadataLocation,
      boolean registered,
      Optional<KeyedCommit> keyed) {
    return new EntityRecord(
        uuid,
        kind,
        identifier,
        metadataLocation,
        1,
        newCommitId(),
        registered,
        null,
        keyed.map(List::of).orElse(List.of()));
  }

  /** The next version pointing at {@code location}, no longer pending. */
  EntityRecord committed(StoredIdentifier newIdentifier, String location) {
    return next(newIdentifier, location, null, keyedCommits);
  }

  /** As {@link #committed(StoredIdentifier, String)}, remembering the key it was made under. */
  EntityRecord committed(StoredIdentifier newIdentifier, String location, KeyedCommit keyed) {
    List<KeyedCommit> remembered = new ArrayList<>(keyedCommits);
    forgottenBy().ifPresent(remembered::remove);
    remembered.add(keyed);
    return next(newIdentifier, location, null, remembered);
  }

  /** The next version of this entity: a new sequence number and commit id, the rest as given. */
  private EntityRecord next(
      StoredIdentifier newIdentifier,
      String location,
      PendingChange change,
      List<KeyedCommit> remembered) {
    return new EntityRecord(
        uuid,
        kind,
        newIdentifier,
        location,
        sequence + 1,
        newCommitId(),
        registered,
        change,
        remembered);
  }

  /** The keyed commit the next keyed commit pushes out of this pointer's memory, if any. */
  Optional<KeyedCommit> forgottenBy() {
    return keyedCommits.size() < REMEMBERED_KEYED_COMMITS
        ? Optional.empty()
        : Optional.of(keyedCommits.get(0));
  }

  /** The remembered commit made under {@code key}. */
  Optional<KeyedCommit> keyedCommit(String key) {
    return keyedCommits.stream().filter(keyed -> keyed.key().equals(key)).findFirst();
  }

  /** The next version, still reading {@code metadataLocation}, pending in a transaction. */
  EntityRecord pendingIn(PendingChange change) {
    return next(identifier, metadataLocation, change, keyedCommits);
  }

  EntityRecord renamed(StoredIdentifier newIdentifier) {
    return next(newIdentifier, metadataLocation, pending, keyedCommits);
  }

  private static String newCommitId() {
    return UUID.randomUUID().toString();
  }
}
