package dev.floe.catalog.warehouse;

import dev.floe.catalog.integrity.CommitValidator;
import dev.floe.catalog.store.PreconditionFailedException;
import dev.floe.catalog.warehouse.CatalogObjects.Versioned;
import dev.floe.catalog.warehouse.Entities.Swap;
import dev.floe.catalog.warehouse.NameIndex.Claim;
import dev.floe.catalog.warehouse.NameIndex.Resolved;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.io.FileIO;

/**
 * The table pointers of one warehouse: creating a table, one compare-and-swap of its pointer to new
 * metadata, dropping it. Retries and requirements are the callers' business.
 *
 * <p>A table Floe created lives at {@code s3://<bucket>/<uuid>} and its location never moves; a
 * registered table keeps the location its metadata names.
 */
final class Tables {
  private final CatalogObjects objects;
  private final Entities entities;
  private final NameIndex names;
  private final Namespaces namespaces;
  private final MetadataFiles files;
  private final CatalogFaults faults;
  private final Supplier<FileIO> io;
  private final CommitValidator validator;

  Tables(
      CatalogObjects objects,
      Entities entities,
      NameIndex names,
      Namespaces namespaces,
      MetadataFiles files,
      CatalogFaults faults,
      Supplier<FileIO> io) {
    this.objects = objects;
    this.entities = entities;
    this.names = names;
    this.namespaces = namespaces;
    this.files = files;
    this.faults = faults;
    this.io = io;
    this.validator = new CommitValidator(io);
  }

  String location(String uuid) {
    return "s3://" + objects.bucket() + "/" + UUID.fromString(uuid);
  }

  boolean owns(TableMetadata metadata) {
    return metadata.location() != null && metadata.location().equals(location(metadata.uuid()));
  }

  /** New metadata moved to the table's own location, whatever location was asked for. */
  TableMetadata atOwnLocation(TableMetadata metadata) {
    String own = location(metadata.uuid());
    return own.equals(metadata.location())
        ? metadata
        : TableMetadata.buildFrom(metadata).setLocation(own).build();
  }

  /**
   * Creates a table from its first metadata, written at the table's own location. The namespace
   * check, the metadata write and the entity write do not depend on each other and run side by
   * side; only the name, which makes the table visible, waits for all of them.
   */
  TableMetadata create(TableIdentifier identifier, TableMetadata metadata, CommitChecks checks) {
    TableMetadata target = atOwnLocation(metadata);
    String uuid = UUID.fromString(target.uuid()).toString();
    String location = files.newTableLocation(target, 1);
    EntityRecord entity =
        EntityRecord.first(
            uuid,
            ObjectKind.TABLE,
            StoredIdentifier.of(identifier),
            location,
            false,
            checks.key().map(key -> keyedCommit(key, location)));
    CompletableFuture<Void> namespace =
        RoundTrips.start(() -> namespaces.require(identifier.namespace()));
    CompletableFuture<TableMetadata> write =
        RoundTrips.start(() -> files.writeTable(target, location));
    CompletableFuture<Versioned<EntityRecord>> created =
        RoundTrips.start(() -> createEntity(identifier, entity));
    CompletableFuture<Boolean> claim =
        checks.claimPending()
            ? RoundTrips.start(() -> checks.claim(uuid))
            : CompletableFuture.completedFuture(true);
    RuntimeException failure = null;
    try {
      validate(metadata);
    } catch (RuntimeException invalid) {
      failure = invalid;
    }
    try {
      RoundTrips.awaitAll(List.of(namespace, write, created, claim));
      if (!RoundTrips.await(claim)) {
        failure =
            first(failure, new IdempotencyKeyTakenException(checks.key().orElseThrow().key()));
      }
    } catch (RuntimeException failed) {
      failure = first(failure, failed);
    }
    if (failure != null) {
      undoCreate(uuid, write, created, failure);
      throw failure;
    }
    TableMetadata written = RoundTrips.await(write);
    try {
      publish(identifier, RoundTrips.await(created));
    } catch (AlreadyExistsException e) {
      files.delete(location);
      throw e;
    }
    return written;
  }

  /** Removes what a create that will not publish its name wrote before it failed. */
  private void undoCreate(
      String uuid,
      CompletableFuture<TableMetadata> write,
      CompletableFuture<Versioned<EntityRecord>> created,
      RuntimeException failure) {
    if (!created.isCompletedExceptionally()) {
      try {
        entities.delete(uuid);
      } catch (RuntimeException notDeleted) {
        failure.addSuppressed(notDeleted);
      }
    }
    deleteWritten(write, failure);
  }

  /** Registers existing metadata under a name; the table keeps its location. */
  TableMetadata register(TableIdentifier identifier, String metadataLocation) {
    namespaces.require(identifier.namespace());
    TableMetadata metadata = files.readTable(metadataLocation);
    String uuid = UUID.fromString(metadata.uuid()).toString();
    EntityRecord entity =
        EntityRecord.first(
            uuid,
            ObjectKind.TABLE,
            StoredIdentifier.of(identifier),
            metadata.metadataFileLocation(),
            !owns(metadata),
            Optional.empty());
    publish(identifier, createEntity(identifier, entity));
    return metadata;
  }

  /** Claims the name for a written entity: the step that makes the table visible. */
  private void publish(TableIdentifier identifier, Versioned<EntityRecord> created) {
    faults.reach(FaultPoint.CREATE_ENTITY_WRITTEN);
    String uuid = created.value().uuid();
    Claim claim = names.claim(identifier, uuid, ObjectKind.TABLE);
    if (claim.taken()) {
      entities.delete(uuid);
      throw claim.holder() == ObjectKind.VIEW
          ? new AlreadyExistsException("View with same name already exists: %s", identifier)
          : new AlreadyExistsException("Table already exists: %s", identifier);
    }
    names.created(new Resolved(identifier, claim.name(), created));
  }

  /**
   * Writes the entity; an entity left behind for the same uuid by an interrupted drop, which no
   * name refers to any more, is replaced.
   */
  private Versioned<EntityRecord> createEntity(TableIdentifier identifier, EntityRecord entity) {
    try {
      return entities.create(entity);
    } catch (PreconditionFailedException exists) {
      Versioned<EntityRecord> orphan =
          entities
              .read(entity.uuid())
              .orElseThrow(
                  () ->
                      new AlreadyExistsException("Table was created concurrently: %s", identifier));
      Optional<Resolved> owner = names.resolve(orphan.value().identifier().toIdentifier());
      if (owner.isPresent() && owner.get().uuid().equals(entity.uuid())) {
        throw new AlreadyExistsException(
            "Table already exists: %s (its uuid %s is already in this warehouse as %s)",
            identifier, entity.uuid(), owner.get().identifier());
      }
      try {
        return entities.swap(
            orphan, orphan.value().committed(entity.identifier(), entity.metadataLocation()));
      } catch (PreconditionFailedException raced) {
        throw new AlreadyExistsException("Table was created concurrently: %s", identifier);
      }
    }
  }

  /** The checks of one commit, made once however many attempts it takes. */
  CommitChecks checks(Optional<CommitKey> key) {
    return new CommitChecks(validator, key);
  }

  /**
   * One compare-and-swap from the entity read with the base metadata to {@code updated}; the new
   * metadata file is removed again only when the swap was refused or never tried.
   *
   * <p>The metadata write, the commit's checks and the durable record of a keyed commit the pointer
   * is about to forget are independent of each other, so they run side by side; the swap waits
   * for all of them.
   */
  Attempt swap(
      TableIdentifier identifier,
      Versioned<EntityRecord> current,
      TableMetadata updated,
      CommitChecks checks) {
    EntityRecord entity = current.value();
    TableMetadata target = entity.registered() ? updated : atOwnLocation(updated);
    CompletableFuture<TableMetadata> write =
        RoundTrips.start(() -> files.writeTable(target, entity.sequence() + 1));
    CompletableFuture<Boolean> claim =
        checks.claimPending()
            ? RoundTrips.start(() -> checks.claim(entity.uuid()))
            : CompletableFuture.completedFuture(true);
    CompletableFuture<Void> remember =
        checks
            .key()
            .flatMap(
                key -> entity.forgottenBy().map(forgotten -> remembering(key, entity, forgotten)))
            .orElse(CompletableFuture.completedFuture(null));
    RuntimeException failure = null;
    try {
      checks.validate(updated);
    } catch (RuntimeException invalid) {
      failure = invalid;
    }
    try {
      RoundTrips.awaitAll(List.of(write, claim, remember));
    } catch (RuntimeException failed) {
      failure = first(failure, failed);
    }
    if (failure != null) {
      deleteWritten(write, failure);
      throw failure;
    }
    TableMetadata written = RoundTrips.await(write);
    String location = written.metadataFileLocation();
    if (!RoundTrips.await(claim)) {
      files.delete(location);
      throw new IdempotencyKeyTakenException(checks.key().orElseThrow().key());
    }
    faults.reach(FaultPoint.COMMIT_METADATA_WRITTEN);
    StoredIdentifier name = StoredIdentifier.of(identifier);
    EntityRecord next =
        checks
            .key()
            .map(key -> entity.committed(name, location, keyedCommit(key, location)))
            .orElseGet(() -> entity.committed(name, location));
    Swap outcome =
        entities.commit(
            current,
            next,
            later -> supersedes(later, location),
            swapped -> names.committed(identifier, swapped));
    if (outcome == Swap.LOST) {
      files.delete(location);
    }
    return new Attempt(written, outcome);
  }

  private static CompletableFuture<Void> remembering(
      CommitKey key, EntityRecord entity, KeyedCommit forgotten) {
    return RoundTrips.start(() -> key.remember(entity.uuid(), forgotten));
  }

  private static KeyedCommit keyedCommit(CommitKey key, String location) {
    return new KeyedCommit(key.key(), key.fingerprint(), location);
  }

  /** Removes a metadata file whose swap will not be tried; a failed write left nothing. */
  private void deleteWritten(CompletableFuture<TableMetadata> write, RuntimeException failure) {
    if (write.isCompletedExceptionally()) {
      return;
    }
    try {
      files.delete(RoundTrips.await(write).metadataFileLocation());
    } catch (RuntimeException notDeleted) {
      failure.addSuppressed(notDeleted);
    }
  }

  private static RuntimeException first(RuntimeException earlier, RuntimeException later) {
    if (earlier == null) {
      return later;
    }
    earlier.addSuppressed(later);
    return earlier;
  }

  /**
   * Refuses new metadata whose added snapshots break the commit invariants (DESIGN §3); must see
   * the metadata as built from its base, before it is moved or written.
   */
  void validate(TableMetadata updated) {
    validator.validate(updated);
  }

  /** Whether the metadata a table's pointer now names is, or descends from, {@code location}. */
  boolean includes(TableMetadata metadata, String location) {
    return location.equals(metadata.metadataFileLocation())
        || metadata.previousFiles().stream().anyMatch(entry -> entry.file().equals(location));
  }

  /** The metadata an attempt wrote, and whether its swap landed. */
  record Attempt(TableMetadata written, Swap outcome) {}

  private boolean supersedes(EntityRecord later, String location) {
    return includes(files.readTable(later.metadataLocation()), location);
  }

  /** Drops the table; with purge, every file it owns goes too. False if there is no such table. */
  boolean drop(TableIdentifier identifier, boolean purge) {
    Optional<Resolved> resolved = names.resolve(identifier, ObjectKind.TABLE);
    if (resolved.isEmpty()) {
      return false;
    }
    EntityRecord entity = resolved.get().entity().value();
    // the entity goes first: a name left behind reads as stale, while an entity left behind
    // still naming this identifier would vouch for a name that may since point elsewhere
    entities.delete(entity.uuid());
    faults.reach(FaultPoint.DROP_ENTITY_DELETED);
    names.release(resolved.get());
    if (purge) {
      if (entity.registered()) {
        CatalogUtil.dropTableData(io.get(), files.readTable(entity.metadataLocation()));
      } else {
        objects.store().deletePrefix(objects.bucket(), CatalogKeys.filesOf(entity.uuid()));
      }
    }
    return true;
  }
}
