package dev.floe.catalog.warehouse;

import dev.floe.catalog.integrity.CommitValidator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.TableMetadata;

/**
 * What one table commit must establish before its pointer moves, however many attempts its lost
 * races cost: that the snapshots it adds pass the {@link CommitValidator}, and that its
 * Idempotency-Key, if any, is claimed. Each is done once per commit; a retried attempt re-applies
 * the same snapshots to a newer base, which changes nothing the validator looks at unless the
 * table's location, format version or data-file policy changed in between.
 */
final class CommitChecks {
  private final CommitValidator validator;
  private final Optional<CommitKey> key;
  private final Set<String> validated = new HashSet<>();
  private volatile boolean claimed;

  CommitChecks(CommitValidator validator, Optional<CommitKey> key) {
    this.validator = validator;
    this.key = key;
  }

  Optional<CommitKey> key() {
    return key;
  }

  /** Runs the validator on what {@code updated} adds, unless this commit validated it already. */
  void validate(TableMetadata updated) {
    String added = addedSnapshots(updated);
    if (added.isEmpty() || validated.contains(added)) {
      return;
    }
    validator.validate(updated);
    validated.add(added);
  }

  /** Whether a key still has to be claimed before the pointer may move. */
  boolean claimPending() {
    return key.isPresent() && !claimed;
  }

  /** Claims the key for the table, once; true when there is no key or it is now this commit's. */
  boolean claim(String tableUuid) {
    if (key.isEmpty() || claimed) {
      return true;
    }
    claimed = key.get().claim(tableUuid);
    return claimed;
  }

  private static String addedSnapshots(TableMetadata updated) {
    String snapshots =
        updated.changes().stream()
            .filter(MetadataUpdate.AddSnapshot.class::isInstance)
            .map(update -> ((MetadataUpdate.AddSnapshot) update).snapshot())
            .map(snapshot -> snapshot.snapshotId() + "@" + snapshot.manifestListLocation())
            .collect(Collectors.joining(","));
    return snapshots.isEmpty()
        ? ""
        : String.join(
            "|",
            snapshots,
            updated.location(),
            String.valueOf(updated.formatVersion()),
            String.valueOf(
                updated.properties().get(CommitValidator.ALLOW_EXTERNAL_DATA_FILES)));
  }
}
