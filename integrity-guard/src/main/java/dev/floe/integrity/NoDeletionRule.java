package dev.floe.integrity;

import java.util.Optional;

/**
 * Nothing is deleted from a warehouse bucket through S3: every object there is a table file, a
 * catalog object or a leftover of a dropped table, and removing any of them can make a table
 * unreadable. Files leave a warehouse only through the catalog, which talks to the store
 * directly. A DeleteObjects batch is refused as a whole.
 */
final class NoDeletionRule implements GuardRule {

  static final String ALTERNATIVES =
      "files leave a warehouse only through the catalog: drop the table with purge (DROP TABLE"
          + " ... PURGE, or purgeRequested=true), expire snapshots (Floe's snapshot-expiry"
          + " maintenance or an expire_snapshots commit, whose files Floe removes), or remove"
          + " unreferenced files with Floe's unreferenced-file-removal maintenance.";

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
