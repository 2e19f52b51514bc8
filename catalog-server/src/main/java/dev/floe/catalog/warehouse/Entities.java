package dev.floe.catalog.warehouse;

import dev.floe.catalog.store.PreconditionFailedException;
import dev.floe.catalog.store.StoreUnavailableException;
import dev.floe.catalog.warehouse.CatalogObjects.Versioned;
import dev.floe.catalog.warehouse.TransactionRecord.State;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The pointer objects {@code .floe/entities/<uuid>.json}. Reads settle entities left pending by a
 * multi-table transaction that has decided (committed → roll forward; aborted, vanished or open
 * past its deadline → roll back), so no reader ever depends on a writer that may be dead.
 */
final class Entities {
  private static final int MAX_SETTLE_ROUNDS = 16;

  private final CatalogObjects objects;
  private final Clock clock;

  Entities(CatalogObjects objects, Clock clock) {
    this.objects = objects;
    this.clock = clock;
  }

  /**
   * The entity with any decided transaction settled. It may still carry a pending change of a
   * transaction that is open and within its deadline: readers then see {@code metadataLocation}
   * (the committed state) and writers must wait.
   */
  Optional<Versioned<EntityRecord>> read(String uuid) {
    Optional<Versioned<EntityRecord>> current = readRaw(uuid);
    for (int round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      if (current.isEmpty() || current.get().value().pending() == null) {
        return current;
      }
      Optional<Versioned<EntityRecord>> settled = settle(current.get());
      if (settled.isPresent() && settled.get() == current.get()) {
        return current;
      }
      current = settled;
    }
    return current;
  }

  Optional<Versioned<EntityRecord>> readRaw(String uuid) {
    return objects.read(CatalogKeys.entity(uuid), EntityRecord.class);
  }

  Versioned<EntityRecord> create(EntityRecord entity) {
    return objects.create(CatalogKeys.entity(entity.uuid()), entity);
  }

  /** CAS; {@link PreconditionFailedException} when the entity changed or vanished. */
  Versioned<EntityRecord> swap(Versioned<EntityRecord> current, EntityRecord next) {
    return objects.replace(CatalogKeys.entity(next.uuid()), current, next);
  }

  /**
   * Swaps the pointer and settles an unknown outcome: after a timeout or 5xx the entity is read
   * again, and the swap landed if it carries our commit id, or if a later version superseded ours
   * ({@code supersedes}). A swap that may still land later is {@link Swap#UNKNOWN}: its caller must
   * neither delete what it wrote nor assume it failed.
   */
  Swap commit(
      Versioned<EntityRecord> current, EntityRecord next, Predicate<EntityRecord> supersedes) {
    return commit(current, next, supersedes, swapped -> {});
  }

  /** As above; {@code swapped} receives the new version when the swap itself answered. */
  Swap commit(
      Versioned<EntityRecord> current,
      EntityRecord next,
      Predicate<EntityRecord> supersedes,
      Consumer<Versioned<EntityRecord>> swapped) {
    try {
      swapped.accept(swap(current, next));
      return Swap.COMMITTED;
    } catch (PreconditionFailedException lost) {
      return Swap.LOST;
    } catch (StoreUnavailableException unknown) {
      Optional<Versioned<EntityRecord>> now;
      try {
        now = readRaw(next.uuid());
      } catch (StoreUnavailableException unreadable) {
        unknown.addSuppressed(unreadable);
        return Swap.UNKNOWN;
      }
      boolean landed =
          now.map(
                  entity ->
                      entity.value().commitId().equals(next.commitId())
                          || supersedes.test(entity.value()))
              .orElse(false);
      return landed ? Swap.COMMITTED : Swap.UNKNOWN;
    }
  }

  /** How a pointer swap ended. */
  enum Swap {
    COMMITTED,
    /** Refused (412): another writer changed the pointer first. */
    LOST,
    /** The store failed and the swap is not visible (yet): it may still land. */
    UNKNOWN
  }

  void delete(String uuid) {
    objects.delete(CatalogKeys.entity(uuid));
  }

  /**
   * Settles one pending entity: returns the same instance while its transaction is undecided, the
   * settled version after rolling it forward or back, or a fresh read if someone else changed it.
   */
  private Optional<Versioned<EntityRecord>> settle(Versioned<EntityRecord> entity) {
    PendingChange pending = entity.value().pending();
    String txnKey = CatalogKeys.transaction(pending.txn());
    Optional<Versioned<TransactionRecord>> txn = objects.read(txnKey, TransactionRecord.class);
    State decision = decide(txnKey, txn);
    if (decision == State.OPEN) {
      return Optional.of(entity);
    }
    EntityRecord current = entity.value();
    String location =
        decision == State.COMMITTED ? pending.metadataLocation() : current.metadataLocation();
    try {
      Versioned<EntityRecord> settled =
          swap(entity, current.committed(current.identifier(), location));
      txn.ifPresent(record -> finishIfSettled(txnKey, record.value().withState(decision)));
      return Optional.of(settled);
    } catch (PreconditionFailedException changed) {
      return readRaw(current.uuid());
    }
  }

  /**
   * The transaction's outcome, aborting it if it is open past its deadline. A missing record means
   * aborted: a committed record is removed only after every entity has rolled forward.
   */
  private State decide(String txnKey, Optional<Versioned<TransactionRecord>> txn) {
    Optional<Versioned<TransactionRecord>> record = txn;
    for (int round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      if (record.isEmpty()) {
        return State.ABORTED;
      }
      TransactionRecord value = record.get().value();
      if (value.state() != State.OPEN || !clock.instant().isAfter(value.deadline())) {
        return value.state();
      }
      try {
        objects.replace(txnKey, record.get(), value.withState(State.ABORTED));
        return State.ABORTED;
      } catch (PreconditionFailedException raced) {
        record = objects.read(txnKey, TransactionRecord.class);
      }
    }
    return State.OPEN;
  }

  /**
   * Settles what a transaction past its deadline left behind: aborts it if still open, settles its
   * tables, and removes its record. A record no entity refers to (its writer died before or after
   * touching any) would otherwise stay forever.
   */
  void settleExpired(String txnKey) {
    Optional<Versioned<TransactionRecord>> record = objects.read(txnKey, TransactionRecord.class);
    if (record.isEmpty() || !clock.instant().isAfter(record.get().value().deadline())) {
      return;
    }
    if (decide(txnKey, record) == State.OPEN) {
      return;
    }
    for (String uuid : record.get().value().tables()) {
      read(uuid);
    }
    finishIfSettled(txnKey, record.get().value());
  }

  /** Removes a decided transaction's record once none of its entities still points at it. */
  void finishIfSettled(String txnKey, TransactionRecord txn) {
    for (String uuid : txn.tables()) {
      Optional<Versioned<EntityRecord>> entity = readRaw(uuid);
      if (entity.isPresent()
          && entity.get().value().pending() != null
          && entity.get().value().pending().txn().equals(txn.id())) {
        return;
      }
    }
    objects.delete(txnKey);
  }
}
