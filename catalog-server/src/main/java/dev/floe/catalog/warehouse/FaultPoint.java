package dev.floe.catalog.warehouse;

/** The steps after which a commit path can be interrupted, in protocol order. */
public enum FaultPoint {
  /** A new metadata file is written, the entity not yet swapped. */
  COMMIT_METADATA_WRITTEN,
  /** A new table's entity is written, its name not yet claimed. */
  CREATE_ENTITY_WRITTEN,
  /** A dropped table's entity is removed, its name not yet. */
  DROP_ENTITY_DELETED,
  /** Rename step 1: the new name exists and points at the entity. */
  RENAME_TARGET_CLAIMED,
  /** Rename step 2: the entity carries the new identifier. */
  RENAME_ENTITY_SWAPPED,
  /** Rename step 3: the old name is gone. */
  RENAME_SOURCE_RELEASED,
  /** Transaction step 1: the open transaction record is written. */
  TXN_RECORD_WRITTEN,
  /** Transaction step 2: one more entity is pending in the transaction. */
  TXN_ENTITY_PENDING,
  /** Transaction step 3: the record says committed. */
  TXN_COMMITTED,
  /** Transaction step 4: one more entity is rolled forward. */
  TXN_ENTITY_APPLIED,
  /** The transaction record is removed. */
  TXN_RECORD_DELETED
}
