package dev.floe.catalog.warehouse;

import dev.floe.catalog.warehouse.CatalogObjects.Versioned;
import dev.floe.catalog.warehouse.Entities.Swap;
import dev.floe.catalog.warehouse.NameIndex.Resolved;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.RetryableValidationException;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.UpdateRequirement;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.UnprocessableEntityException;
import org.apache.iceberg.io.FileIO;

/**
 * A table commit as the REST catalog receives it: requirements and updates, applied to the current
 * metadata and swapped in; a lost race is retried from a fresh read, so only a requirement that
 * really fails reaches the client as a conflict.
 */
final class CommitProtocol {
  private final NameIndex names;
  private final Tables tables;
  private final MetadataFiles files;
  private final CommitMetrics metrics;
  private final Supplier<FileIO> io;
  private final int defaultFormatVersion;
  private final CommitTurns turns = new CommitTurns();

  CommitProtocol(
      NameIndex names,
      Tables tables,
      MetadataFiles files,
      CommitMetrics metrics,
      Supplier<FileIO> io,
      int defaultFormatVersion) {
    this.names = names;
    this.tables = tables;
    this.files = files;
    this.metrics = metrics;
    this.io = io;
    this.defaultFormatVersion = defaultFormatVersion;
  }

  /**
   * Commits, or — when {@code key} was used for this very request before and the table's pointer
   * still remembers it — answers with what that commit made current.
   */
  TableMetadata commit(
      TableIdentifier identifier,
      List<UpdateRequirement> requirements,
      List<MetadataUpdate> updates,
      Optional<CommitKey> key) {
    CatalogNames.validate(identifier);
    boolean create =
        requirements.stream().anyMatch(UpdateRequirement.AssertTableDoesNotExist.class::isInstance);
    CommitChecks checks = tables.checks(key);
    return metrics.record(
        () ->
            create
                ? create(identifier, requirements, updates, checks)
                : turns.inTurn(
                    identifier, () -> update(identifier, requirements, updates, checks)));
  }

  private TableMetadata update(
      TableIdentifier identifier,
      List<UpdateRequirement> requirements,
      List<MetadataUpdate> updates,
      CommitChecks checks) {
    List<String> unsettled = new ArrayList<>();
    Optional<TableMetadata> optimistic =
        optimistic(identifier, requirements, updates, checks, unsettled);
    if (optimistic.isPresent()) {
      return optimistic.get();
    }
    Backoff backoff = new Backoff();
    while (true) {
      Resolved resolved =
          names
              .resolveTable(identifier)
              .orElseThrow(() -> new NoSuchTableException("Table does not exist: %s", identifier));
      Versioned<EntityRecord> entity = resolved.entity();
      Optional<TableMetadata> replayed = replayed(entity.value(), checks);
      if (replayed.isPresent()) {
        return replayed.get();
      }
      if (entity.value().pending() == null) {
        TableMetadata base = files.readTable(entity.value().metadataLocation());
        Optional<String> landedLate =
            unsettled.stream().filter(location -> tables.includes(base, location)).findFirst();
        if (landedLate.isPresent()) {
          // an attempt the store failed to confirm did land: applying the updates again would
          // apply them twice
          return files.readTable(landedLate.get());
        }
        TableMetadata updated = apply(base, requirements, updates);
        if (updated == base) {
          return base;
        }
        Tables.Attempt attempt = tables.swap(identifier, entity, updated, checks);
        if (attempt.outcome() == Swap.COMMITTED) {
          CatalogUtil.deleteRemovedMetadataFiles(io.get(), base, attempt.written());
          return attempt.written();
        }
        if (attempt.outcome() == Swap.UNKNOWN) {
          unsettled.add(attempt.written().metadataFileLocation());
        }
      }
      metrics.retried();
      backoff.pause(identifier);
    }
  }

  /**
   * One attempt from the entity version this instance last saw, without reading the store first:
   * the compare-and-swap itself proves that version was still current, so requirements checked
   * against it held. Any doubt — the swap refused, a requirement or update failing on what may be
   * a stale base, a store failure — leaves the commit to the fresh-read loop, which decides it;
   * a swap whose outcome is unknown goes to the loop in {@code unsettled}, as the loop's own do.
   */
  private Optional<TableMetadata> optimistic(
      TableIdentifier identifier,
      List<UpdateRequirement> requirements,
      List<MetadataUpdate> updates,
      CommitChecks checks,
      List<String> unsettled) {
    Optional<Resolved> seen = names.lastSeenTable(identifier);
    if (seen.isEmpty()) {
      return Optional.empty();
    }
    Versioned<EntityRecord> entity = seen.get().entity();
    Optional<TableMetadata> replayed = replayed(entity.value(), checks);
    if (replayed.isPresent() || entity.value().pending() != null) {
      return replayed;
    }
    Tables.Attempt attempt;
    TableMetadata base;
    try {
      base = files.readTable(entity.value().metadataLocation());
      TableMetadata updated = apply(base, requirements, updates);
      if (updated == base) {
        return Optional.empty();
      }
      attempt = tables.swap(identifier, entity, updated, checks);
    } catch (IdempotencyKeyTakenException taken) {
      throw taken;
    } catch (RuntimeException staleOrFailed) {
      return Optional.empty();
    }
    switch (attempt.outcome()) {
      case COMMITTED:
        CatalogUtil.deleteRemovedMetadataFiles(io.get(), base, attempt.written());
        return Optional.of(attempt.written());
      case LOST:
        return Optional.empty();
      default:
        unsettled.add(attempt.written().metadataFileLocation());
        return Optional.empty();
    }
  }

  /**
   * What an earlier commit with this commit's key made current, if the pointer remembers one. The
   * pointer only ever holds versions that were current, so even a stale copy proves the commit.
   */
  private Optional<TableMetadata> replayed(EntityRecord entity, CommitChecks checks) {
    Optional<KeyedCommit> earlier =
        checks.key().flatMap(key -> entity.keyedCommit(key.key()));
    if (earlier.isEmpty()) {
      return Optional.empty();
    }
    if (!earlier.get().fingerprint().equals(checks.key().orElseThrow().fingerprint())) {
      throw new UnprocessableEntityException(
          "This Idempotency-Key was already used for a different request");
    }
    return Optional.of(files.readTable(earlier.get().metadataLocation()));
  }

  /** Validates the requirements against {@code base} and applies the updates to it. */
  static TableMetadata apply(
      TableMetadata base, List<UpdateRequirement> requirements, List<MetadataUpdate> updates) {
    requirements.forEach(requirement -> requirement.validate(base));
    TableMetadata.Builder builder = TableMetadata.buildFrom(base);
    try {
      updates.forEach(update -> update.applyTo(builder));
    } catch (RetryableValidationException e) {
      // stale values in the request itself (e.g. first-row-id): retrying here cannot help,
      // the client must refresh
      throw new CommitFailedException(e, "Validation failed, please retry: %s", e.getMessage());
    }
    return builder.build();
  }

  /**
   * A create as a commit ({@code AssertTableDoesNotExist}): the table gets Floe's location and the
   * catalog's default format version unless the updates upgrade it.
   */
  private TableMetadata create(
      TableIdentifier identifier,
      List<UpdateRequirement> requirements,
      List<MetadataUpdate> updates,
      CommitChecks checks) {
    List<UpdateRequirement> invalid =
        requirements.stream()
            .filter(r -> !(r instanceof UpdateRequirement.AssertTableDoesNotExist))
            .toList();
    if (!invalid.isEmpty()) {
      throw new BadRequestException("Invalid create requirements: %s", invalid);
    }
    Optional<Resolved> existing = names.resolve(identifier);
    if (existing.isPresent()) {
      Optional<TableMetadata> replayed = replayed(existing.get().entity().value(), checks);
      if (replayed.isPresent()) {
        return replayed.get();
      }
      if (existing.get().kind() == ObjectKind.VIEW) {
        throw new AlreadyExistsException("View with same name already exists: %s", identifier);
      }
      throw new CommitFailedException("Requirement failed: table already exists");
    }
    int formatVersion =
        updates.stream()
            .filter(MetadataUpdate.UpgradeFormatVersion.class::isInstance)
            .map(update -> ((MetadataUpdate.UpgradeFormatVersion) update).formatVersion())
            .findFirst()
            .orElse(defaultFormatVersion);
    String uuid =
        updates.stream()
            .filter(MetadataUpdate.AssignUUID.class::isInstance)
            .map(update -> ((MetadataUpdate.AssignUUID) update).uuid())
            .findFirst()
            .orElseGet(() -> UUID.randomUUID().toString());
    TableMetadata.Builder builder = TableMetadata.buildFromEmpty(formatVersion).assignUUID(uuid);
    updates.forEach(update -> update.applyTo(builder));
    builder.setLocation(tables.location(uuid));
    return tables.create(identifier, builder.build(), checks);
  }
}
