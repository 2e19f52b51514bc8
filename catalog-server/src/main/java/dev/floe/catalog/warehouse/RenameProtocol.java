package dev.floe.catalog.warehouse;

import dev.floe.catalog.store.PreconditionFailedException;
import dev.floe.catalog.warehouse.CatalogObjects.Versioned;
import dev.floe.catalog.warehouse.NameIndex.Claim;
import dev.floe.catalog.warehouse.NameIndex.Resolved;
import java.util.Optional;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.NoSuchViewException;

/**
 * Renames a table or view in three single-object steps (DESIGN §3): claim the new name, swap the
 * entity's identifier, release the old name. Whichever step a crash interrupts, {@link NameIndex}
 * reads exactly one of the two names as valid, and the leftover name is repaired lazily.
 */
final class RenameProtocol {
  private final CatalogObjects objects;
  private final Entities entities;
  private final NameIndex names;
  private final Namespaces namespaces;
  private final CatalogFaults faults;

  RenameProtocol(
      CatalogObjects objects,
      Entities entities,
      NameIndex names,
      Namespaces namespaces,
      CatalogFaults faults) {
    this.objects = objects;
    this.entities = entities;
    this.names = names;
    this.namespaces = namespaces;
    this.faults = faults;
  }

  void rename(TableIdentifier from, TableIdentifier to, ObjectKind kind) {
    CatalogNames.validate(from);
    CatalogNames.validate(to);
    Resolved source = names.resolve(from, kind).orElseThrow(() -> missing(from, kind));
    namespaces.require(to.namespace());
    if (from.equals(to)) {
      throw alreadyExists(from, to, kind);
    }

    Claim claim = names.claim(to, source.uuid(), kind);
    if (claim.taken()) {
      throw alreadyExists(from, to, claim.holder());
    }
    faults.reach(FaultPoint.RENAME_TARGET_CLAIMED);

    Versioned<EntityRecord> renamed = swapIdentifier(source, from, to, kind);
    faults.reach(FaultPoint.RENAME_ENTITY_SWAPPED);

    if (!stillPointsAt(to, source.uuid())) {
      // someone took the new name over between the claim and the swap (it read as stale then):
      // the old name is still in place, so point the entity back at it
      restoreIdentifier(renamed, from);
      throw alreadyExists(from, to, kind);
    }
    names.release(source);
    faults.reach(FaultPoint.RENAME_SOURCE_RELEASED);
  }

  private Versioned<EntityRecord> swapIdentifier(
      Resolved source, TableIdentifier from, TableIdentifier to, ObjectKind kind) {
    Versioned<EntityRecord> entity = source.entity();
    Backoff backoff = new Backoff();
    while (true) {
      if (entity.value().pending() == null) {
        try {
          return entities.swap(entity, entity.value().renamed(StoredIdentifier.of(to)));
        } catch (PreconditionFailedException changed) {
          // a concurrent commit; re-resolve below
        }
      }
      backoff.pause(from);
      Optional<Resolved> again = names.resolve(from, kind);
      if (again.isEmpty() || !again.get().uuid().equals(source.uuid())) {
        throw missing(from, kind);
      }
      entity = again.get().entity();
    }
  }

  private boolean stillPointsAt(TableIdentifier name, String uuid) {
    return objects
        .read(CatalogKeys.name(name), NameRecord.class)
        .map(record -> record.value().uuid().equals(uuid))
        .orElse(false);
  }

  private void restoreIdentifier(Versioned<EntityRecord> renamed, TableIdentifier from) {
    Versioned<EntityRecord> entity = renamed;
    Backoff backoff = new Backoff();
    while (true) {
      try {
        entities.swap(entity, entity.value().renamed(StoredIdentifier.of(from)));
        return;
      } catch (PreconditionFailedException changed) {
        backoff.pause(from);
        Optional<Versioned<EntityRecord>> current = entities.read(renamed.value().uuid());
        if (current.isEmpty()) {
          return;
        }
        entity = current.get();
      }
    }
  }

  private static RuntimeException missing(TableIdentifier identifier, ObjectKind kind) {
    return kind == ObjectKind.TABLE
        ? new NoSuchTableException("Table does not exist: %s", identifier)
        : new NoSuchViewException("View does not exist: %s", identifier);
  }

  private static AlreadyExistsException alreadyExists(
      TableIdentifier from, TableIdentifier to, ObjectKind holder) {
    return new AlreadyExistsException(
        "Cannot rename %s to %s. %s already exists",
        from, to, holder == ObjectKind.TABLE ? "Table" : "View");
  }
}
