package dev.floe.catalog.warehouse;

/**
 * The Idempotency-Key of a table commit. The commit records the key in the table pointer with the
 * same compare-and-swap that makes the commit current, so a successful keyed commit costs no
 * separate record; what must outlive the pointer's short memory is made durable by the key's owner
 * through {@link #claim} and {@link #remember}, which the commit runs beside its metadata write.
 */
public interface CommitKey {

  /** The key's identity, as recorded in the pointer. */
  String key();

  /** What the request asked for; the same key with another fingerprint is refused. */
  String fingerprint();

  /**
   * Claims the key durably for a commit to the table with this uuid, before the pointer moves;
   * false when an earlier request holds it. A commit calls it until it succeeds once, from any
   * thread.
   */
  boolean claim(String tableUuid);

  /**
   * Makes an earlier keyed commit of this table durable outside the pointer, which is about to
   * forget it. Called from any thread.
   */
  void remember(String tableUuid, KeyedCommit forgotten);
}
