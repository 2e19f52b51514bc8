package dev.floe.catalog.warehouse;

import dev.floe.catalog.store.ObjectStore.ListedObject;
import dev.floe.catalog.store.PreconditionFailedException;
import dev.floe.catalog.warehouse.CatalogObjects.Versioned;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;

/**
 * Names of tables and views, {@code .floe/tables/<ns>/<name>.json}, each pointing at an entity.
 *
 * <p>The entity's identifier is the authority: a name is valid when its entity names it back, or
 * when the entity names another identifier whose name object does not point at the entity (a rename
 * that never completed). Every other name is stale — left by a rename interrupted between its
 * steps, or a drop interrupted after its entity went — and reads as absent. Stale names are
 * repaired lazily: a creator takes one over with a compare-and-swap, a namespace drop deletes it.
 */
final class NameIndex {
  private static final int MAX_CLAIM_ROUNDS = 8;
  private static final int READS_BEFORE_LISTING = 16;

  private final CatalogObjects objects;
  private final Entities entities;
  private final BoundedCache<String, Versioned<NameRecord>> listed = new BoundedCache<>(4096);
  private final BoundedCache<String, Versioned<EntityRecord>> entityCache =
      new BoundedCache<>(4096);
  private final BoundedCache<TableIdentifier, Resolved> resolvedTables = new BoundedCache<>(4096);

  NameIndex(CatalogObjects objects, Entities entities) {
    this.objects = objects;
    this.entities = entities;
  }

  Optional<Resolved> resolve(TableIdentifier identifier) {
    return objects
        .read(CatalogKeys.name(identifier), NameRecord.class)
        .flatMap(name -> validate(identifier, name));
  }

  /**
   * Resolves a name of one kind. A name of the other kind is absent without reading its entity,
   * which keeps lookups that probe views first (Trino does) cheap.
   */
  Optional<Resolved> resolve(TableIdentifier identifier, ObjectKind kind) {
    return objects
        .read(CatalogKeys.name(identifier), NameRecord.class)
        .filter(name -> name.value().kind() == kind)
        .flatMap(name -> validate(identifier, name));
  }

  private Optional<Resolved> validate(TableIdentifier identifier, Versioned<NameRecord> name) {
    Optional<Resolved> resolved =
        entities
            .read(name.value().uuid())
            .filter(entity -> namesBack(identifier, name.value(), entity.value()))
            .map(entity -> new Resolved(identifier, name, entity));
    resolved.filter(found -> found.kind() == ObjectKind.TABLE).ifPresent(this::remember);
    return resolved;
  }

  /**
   * Resolves a table name reading only its entity when this instance resolved the name before:
   * the entity is the authority, so if the remembered uuid's entity still names this identifier,
   * and is the version seen then or a later one of the same lifetime, the name is current. Any
   * doubt (entity gone, renamed, recreated) falls back to reading the name object.
   *
   * <p>This leans on two orders kept elsewhere: a drop deletes the entity before it releases the
   * name (so no entity outlives its name still naming it), and a rename changes the entity's
   * identifier before it releases the old name.
   */
  Optional<Resolved> resolveTable(TableIdentifier identifier) {
    Optional<Resolved> known = resolvedTables.get(identifier);
    if (known.isPresent()) {
      Versioned<EntityRecord> seen = known.get().entity();
      Optional<Versioned<EntityRecord>> now = entities.read(seen.value().uuid());
      if (now.isPresent() && stillNames(identifier, seen, now.get())) {
        Resolved resolved = new Resolved(identifier, known.get().name(), now.get());
        remember(resolved);
        return Optional.of(resolved);
      }
      resolvedTables.remove(identifier);
    }
    return resolve(identifier, ObjectKind.TABLE);
  }

  private static boolean stillNames(
      TableIdentifier identifier, Versioned<EntityRecord> seen, Versioned<EntityRecord> now) {
    EntityRecord entity = now.value();
    boolean sameLifetime =
        now.etag().equals(seen.etag()) || entity.sequence() > seen.value().sequence();
    return sameLifetime
        && entity.kind() == ObjectKind.TABLE
        && entity.identifier().toIdentifier().equals(identifier);
  }

  /**
   * The table as this instance last resolved or committed it, without reading the store: only a
   * guess for an optimistic compare-and-swap, which fails if the entity changed since.
   */
  Optional<Resolved> lastSeenTable(TableIdentifier identifier) {
    return resolvedTables.get(identifier);
  }

  /** Records the entity version this instance just swapped in for a table it resolved. */
  void committed(TableIdentifier identifier, Versioned<EntityRecord> entity) {
    resolvedTables
        .get(identifier)
        .filter(known -> known.uuid().equals(entity.value().uuid()))
        .ifPresent(known -> remember(new Resolved(identifier, known.name(), entity)));
  }

  /** Records a table this instance has just created. */
  void created(Resolved table) {
    remember(table);
  }

  /** Drops what this instance remembers about a table name. */
  void forget(TableIdentifier identifier) {
    resolvedTables.remove(identifier);
  }

  private void remember(Resolved resolved) {
    resolvedTables.put(resolved.identifier(), resolved);
  }

  private boolean namesBack(TableIdentifier identifier, NameRecord name, EntityRecord entity) {
    if (entity.kind() != name.kind()) {
      return false;
    }
    TableIdentifier claimed = entity.identifier().toIdentifier();
    if (claimed.equals(identifier)) {
      return true;
    }
    return objects
        .read(CatalogKeys.name(claimed), NameRecord.class)
        .map(other -> !other.value().uuid().equals(entity.uuid()))
        .orElse(true);
  }

  /**
   * Points {@code identifier} at the entity: creates the name, or takes over a stale one with a
   * compare-and-swap. When a valid table or view holds the name, the claim says which kind.
   */
  Claim claim(TableIdentifier identifier, String uuid, ObjectKind kind) {
    String key = CatalogKeys.name(identifier);
    NameRecord record = new NameRecord(uuid, kind, StoredIdentifier.of(identifier));
    for (int round = 0; round < MAX_CLAIM_ROUNDS; round++) {
      try {
        return new Claim(objects.create(key, record), null);
      } catch (PreconditionFailedException exists) {
        Optional<Versioned<NameRecord>> existing = objects.read(key, NameRecord.class);
        if (existing.isEmpty()) {
          continue;
        }
        if (existing.get().value().uuid().equals(uuid) && existing.get().value().kind() == kind) {
          // left by an interrupted drop of this very entity (re-registered now): already ours
          return new Claim(existing.get(), null);
        }
        Optional<Resolved> holder = validate(identifier, existing.get());
        if (holder.isPresent()) {
          return new Claim(null, holder.get().kind());
        }
        try {
          return new Claim(objects.replace(key, existing.get(), record), null);
        } catch (PreconditionFailedException raced) {
          // someone else changed the stale name first: look again
        }
      }
    }
    throw new CommitFailedException(
        "Cannot claim the name %s: it changed concurrently %s times", identifier, MAX_CLAIM_ROUNDS);
  }

  /** Removes a name, unless it was rewritten since it was resolved. */
  void release(Resolved resolved) {
    forget(resolved.identifier());
    objects.deleteIfUnchanged(CatalogKeys.name(resolved.identifier()), resolved.name().etag());
  }

  /**
   * The valid names of one kind in a namespace. Checking a name needs its entity; for a large
   * namespace one listing of all entities tells which cached entities are still current, instead of
   * one read per name.
   */
  List<TableIdentifier> list(Namespace namespace, ObjectKind kind) {
    List<Versioned<NameRecord>> names =
        names(namespace).stream().filter(name -> name.value().kind() == kind).toList();
    Map<String, String> entityEtags = new HashMap<>();
    if (names.size() > READS_BEFORE_LISTING) {
      objects
          .list(CatalogKeys.ENTITIES)
          .forEach(entity -> entityEtags.put(entity.key(), entity.etag()));
    }
    List<TableIdentifier> result = new ArrayList<>();
    for (Versioned<NameRecord> name : names) {
      TableIdentifier identifier = name.value().identifier().toIdentifier();
      boolean valid =
          entity(name.value().uuid(), entityEtags)
              .filter(entity -> namesBack(identifier, name.value(), entity.value()))
              .isPresent();
      if (valid) {
        result.add(identifier);
      }
    }
    return result;
  }

  private Optional<Versioned<EntityRecord>> entity(String uuid, Map<String, String> listedEtags) {
    String key = CatalogKeys.entity(uuid);
    String listed = listedEtags.get(key);
    Optional<Versioned<EntityRecord>> cached =
        listed == null
            ? Optional.empty()
            : entityCache
                .get(key)
                .filter(entity -> entity.etag().equals(listed) && entity.value().pending() == null);
    if (cached.isPresent()) {
      return cached;
    }
    Optional<Versioned<EntityRecord>> read = entities.read(uuid);
    read.ifPresent(entity -> entityCache.put(key, entity));
    return read;
  }

  /** Whether any valid name is left in the namespace; stale names found on the way are removed. */
  boolean anyIn(Namespace namespace) {
    for (Versioned<NameRecord> name : names(namespace)) {
      TableIdentifier identifier = name.value().identifier().toIdentifier();
      if (validate(identifier, name).isPresent()) {
        return true;
      }
      objects.deleteIfUnchanged(CatalogKeys.name(identifier), name.etag());
    }
    return false;
  }

  private List<Versioned<NameRecord>> names(Namespace namespace) {
    List<Versioned<NameRecord>> names = new ArrayList<>();
    for (ListedObject object : objects.list(CatalogKeys.namesIn(namespace))) {
      Optional<Versioned<NameRecord>> cached =
          listed.get(object.key()).filter(name -> name.etag().equals(object.etag()));
      Optional<Versioned<NameRecord>> name =
          cached.isPresent() ? cached : objects.read(object.key(), NameRecord.class);
      name.ifPresent(
          found -> {
            listed.put(object.key(), found);
            names.add(found);
          });
    }
    return names;
  }

  /** A valid name with the entity it resolves to. */
  record Resolved(
      TableIdentifier identifier, Versioned<NameRecord> name, Versioned<EntityRecord> entity) {
    ObjectKind kind() {
      return name.value().kind();
    }

    String uuid() {
      return name.value().uuid();
    }
  }

  /** The outcome of {@link #claim}: the name now held, or the kind of object that holds it. */
  record Claim(Versioned<NameRecord> name, ObjectKind holder) {
    boolean taken() {
      return name == null;
    }
  }
}
