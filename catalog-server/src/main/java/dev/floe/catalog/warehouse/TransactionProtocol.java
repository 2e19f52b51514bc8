package dev.floe.catalog.warehouse;

import dev.floe.catalog.store.PreconditionFailedException;
import dev.floe.catalog.store.StoreUnavailableException;
import dev.floe.catalog.warehouse.CatalogObjects.Versioned;
import dev.floe.catalog.warehouse.NameIndex.Resolved;
import dev.floe.catalog.warehouse.TransactionRecord.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.UpdateRequirement;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.io.FileIO;

/**
 * Commits to several tables atomically with single-object compare-and-swap only (DESIGN §3,
 * Percolator-style): write an open transaction record, swap every entity to "pending in T" (in uuid
 * order, so two transactions never wait on each other in a cycle), swap the record to committed —
 * the single commit point — then roll the entities forward and remove the record. Anyone meeting a
 * pending entity settles it from the record ({@link Entities}), so a dead committer blocks no one
 * beyond the transaction's deadline.
 */
final class TransactionProtocol {
  private static final int COMMIT_POINT_ATTEMPTS = 3;

  private final CatalogObjects objects;
  private final Entities entities;
  private final NameIndex names;
  private final Tables tables;
  private final MetadataFiles files;
  private final CommitMetrics metrics;
  private final Clock clock;
  private final CatalogFaults faults;
  private final Duration timeout;
  private final Supplier<FileIO> io;

  TransactionProtocol(
      CatalogObjects objects,
      Entities entities,
      NameIndex names,
      Tables tables,
      MetadataFiles files,
      CommitMetrics metrics,
      Clock clock,
      CatalogFaults faults,
      Duration timeout,
      Supplier<FileIO> io) {
    this.objects = objects;
    this.entities = entities;
    this.names = names;
    this.tables = tables;
    this.files = files;
    this.metrics = metrics;
    this.clock = clock;
    this.faults = faults;
    this.timeout = timeout;
    this.io = io;
  }

  void commit(List<TableCommit> commits) {
    metrics.record(
        () -> {
          run(commits);
          return null;
        });
  }

  private void run(List<TableCommit> commits) {
    List<Participant> participants = participants(commits);
    sweepExpired();
    String id = UUID.randomUUID().toString();
    String key = CatalogKeys.transaction(id);
    Instant deadline = clock.instant().plus(timeout);
    Versioned<TransactionRecord> record =
        objects.create(
            key,
            new TransactionRecord(
                id, State.OPEN, participants.stream().map(Participant::uuid).toList(), deadline));
    faults.reach(FaultPoint.TXN_RECORD_WRITTEN);

    List<Staged> staged = new ArrayList<>();
    try {
      for (Participant participant : participants) {
        staged.add(stage(participant, id, deadline));
        faults.reach(FaultPoint.TXN_ENTITY_PENDING);
      }
    } catch (CommitFailedException | NoSuchTableException | StoreUnavailableException e) {
      abort(key, id, Optional.of(record), staged);
      throw e;
    }

    if (!decideCommitted(key, record)) {
      abort(key, id, objects.read(key, TransactionRecord.class), staged);
      throw new CommitFailedException(
          "Cannot commit transaction %s: it passed its deadline and was aborted", id);
    }
    faults.reach(FaultPoint.TXN_COMMITTED);

    for (Staged table : staged) {
      settle(id, table.pending(), true);
      faults.reach(FaultPoint.TXN_ENTITY_APPLIED);
    }
    objects.delete(key);
    faults.reach(FaultPoint.TXN_RECORD_DELETED);
    for (Staged table : staged) {
      if (table.written() != null) {
        CatalogUtil.deleteRemovedMetadataFiles(io.get(), table.base(), table.written());
      }
    }
  }

  /** Removes records that crashed transactions left behind, once past their deadlines. */
  private void sweepExpired() {
    for (String key : objects.store().listKeys(objects.bucket(), CatalogKeys.TRANSACTIONS)) {
      entities.settleExpired(key);
    }
  }

  private List<Participant> participants(List<TableCommit> commits) {
    if (commits == null || commits.isEmpty()) {
      throw new BadRequestException("Invalid transaction: no table changes");
    }
    Set<TableIdentifier> seen = new HashSet<>();
    List<Participant> participants = new ArrayList<>();
    for (TableCommit commit : commits) {
      TableIdentifier identifier = commit.identifier();
      CatalogNames.validate(identifier);
      if (!seen.add(identifier)) {
        throw new BadRequestException("Invalid transaction: table %s appears twice", identifier);
      }
      if (commit.requirements().stream()
          .anyMatch(UpdateRequirement.AssertTableDoesNotExist.class::isInstance)) {
        throw new BadRequestException(
            "Invalid transaction: %s cannot be created in a multi-table transaction", identifier);
      }
      Resolved resolved =
          names
              .resolve(identifier, ObjectKind.TABLE)
              .orElseThrow(() -> new NoSuchTableException("Table does not exist: %s", identifier));
      participants.add(new Participant(commit, resolved));
    }
    participants.sort(Comparator.comparing(Participant::uuid));
    return participants;
  }

  /** Step 2 for one table: apply the commit to its current metadata and swap it to pending. */
  private Staged stage(Participant participant, String txn, Instant deadline) {
    Versioned<EntityRecord> entity = participant.resolved().entity();
    TableIdentifier identifier = participant.commit().identifier();
    Backoff backoff = new Backoff();
    while (true) {
      if (entity.value().pending() == null) {
        TableMetadata base = files.readTable(entity.value().metadataLocation());
        TableMetadata updated =
            CommitProtocol.apply(
                base, participant.commit().requirements(), participant.commit().updates());
        tables.validate(updated);
        TableMetadata written =
            updated == base
                ? null
                : files.writeTable(
                    entity.value().registered() ? updated : tables.atOwnLocation(updated),
                    entity.value().sequence() + 1);
        String location =
            written == null ? base.metadataFileLocation() : written.metadataFileLocation();
        try {
          Versioned<EntityRecord> pending =
              entities.swap(
                  entity, entity.value().pendingIn(new PendingChange(txn, location, deadline)));
          return new Staged(pending, base, written);
        } catch (PreconditionFailedException changed) {
          if (written != null) {
            files.delete(location);
          }
        }
      }
      if (clock.instant().isAfter(deadline)) {
        throw new CommitFailedException(
            "Cannot commit transaction %s: %s stayed busy past the deadline", txn, identifier);
      }
      metrics.retried();
      backoff.pause(identifier);
      Resolved again =
          names
              .resolve(identifier, ObjectKind.TABLE)
              .filter(resolved -> resolved.uuid().equals(participant.uuid()))
              .orElseThrow(() -> new NoSuchTableException("Table does not exist: %s", identifier));
      entity = again.entity();
    }
  }

  /** Step 3, the commit point. False if a reader aborted the transaction past its deadline. */
  private boolean decideCommitted(String key, Versioned<TransactionRecord> open) {
    Versioned<TransactionRecord> record = open;
    for (int attempt = 0; attempt < COMMIT_POINT_ATTEMPTS; attempt++) {
      try {
        objects.replace(key, record, record.value().withState(State.COMMITTED));
        return true;
      } catch (PreconditionFailedException aborted) {
        return false;
      } catch (StoreUnavailableException unknown) {
        Optional<Versioned<TransactionRecord>> now;
        try {
          now = objects.read(key, TransactionRecord.class);
        } catch (StoreUnavailableException unreadable) {
          unknown.addSuppressed(unreadable);
          throw new CommitStateUnknownException(unknown);
        }
        if (now.isEmpty() || now.get().value().state() == State.ABORTED) {
          return false;
        }
        if (now.get().value().state() == State.COMMITTED) {
          return true;
        }
        record = now.get();
      }
    }
    throw new CommitStateUnknownException(
        new StoreUnavailableException("Cannot reach the transaction record " + key, null));
  }

  private void abort(
      String key, String id, Optional<Versioned<TransactionRecord>> record, List<Staged> staged) {
    if (record.isPresent() && record.get().value().state() == State.OPEN) {
      try {
        objects.replace(key, record.get(), record.get().value().withState(State.ABORTED));
      } catch (PreconditionFailedException alreadyDecided) {
        // a reader aborted it first; the outcome is the same
      }
    }
    for (Staged table : staged) {
      settle(id, table.pending(), false);
      if (table.written() != null) {
        files.delete(table.written().metadataFileLocation());
      }
    }
    objects.delete(key);
  }

  /** Step 4 (or its undo): replaces our pending change by a plain pointer, unless someone did. */
  private void settle(String txn, Versioned<EntityRecord> pending, boolean forward) {
    Versioned<EntityRecord> current = pending;
    while (true) {
      EntityRecord entity = current.value();
      if (entity.pending() == null || !entity.pending().txn().equals(txn)) {
        return;
      }
      String location = forward ? entity.pending().metadataLocation() : entity.metadataLocation();
      try {
        entities.swap(current, entity.committed(entity.identifier(), location));
        return;
      } catch (PreconditionFailedException changed) {
        Optional<Versioned<EntityRecord>> now = entities.readRaw(entity.uuid());
        if (now.isEmpty()) {
          return;
        }
        current = now.get();
      }
    }
  }

  private record Participant(TableCommit commit, Resolved resolved) {
    String uuid() {
      return resolved.uuid();
    }
  }

  /**
   * A table swapped to pending: its pending entity, the base it was computed from, the new file.
   */
  private record Staged(
      Versioned<EntityRecord> pending, TableMetadata base, TableMetadata written) {}
}
