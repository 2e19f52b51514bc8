package dev.floe.integrity;

import java.util.Optional;

/**
 * Nothing is deleted from a warehouse bucket through S3: every object there is a table file, a
 * catalog object or a leftover of a dropped table, and removing any of them can make a table
 * unreadable. Files leave a warehouse only through the catalog, which talks to the store
 * directly. A DeleteObjects batch is refused as a whole.
 */
final class NoDeletionRule implements GuardRule {

  /**
   * Engines' own expire_snapshots and remove_orphan_files delete through S3 and meet this
   * message: their metadata changes still commit, and the files wait for the catalog.
   */
  static final String ALTERNATIVES =
      "files leave a warehouse only through the catalog: drop the table with purge (DROP TABLE"
          + " ... PURGE, or purgeRequested=true); the files of expired snapshots and unreferenced"
          + " files are left for the catalog's own maintenance (snapshot expiry, unreferenced-file"
          + " removal), so an engine's expire_snapshots or remove_orphan_files reports these"
          + " deletes as failed.";

  @Override
  public String name() {
    return "no-deletion";
  }

  @Override
  public Optional<GuardRefusal> evaluate(
      GuardedAccess access, BucketRole role, TableLocationIndex tables) {
    if (access.kind() != AccessKind.DELETE_OBJECT) {
      return Optional.empty();
    }
    return refuse(
        "objects in warehouse bucket "
            + access.bucket()
            + " cannot be deleted through the S3 API (DeleteObjects is refused as a whole); "
            + ALTERNATIVES);
  }
}
