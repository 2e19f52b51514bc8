package dev.floe.catalog.warehouse;

import dev.floe.catalog.store.PreconditionFailedException;
import dev.floe.catalog.store.StoreUnavailableException;
import dev.floe.catalog.warehouse.CatalogObjects.Versioned;
import dev.floe.catalog.warehouse.Entities.Swap;
import dev.floe.catalog.warehouse.NameIndex.Claim;
import dev.floe.catalog.warehouse.NameIndex.Resolved;
import java.util.Optional;
import java.util.UUID;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.util.PropertyUtil;
import org.apache.iceberg.view.ViewMetadata;

/**
 * The view pointers of one warehouse, the same protocol as {@link Tables}: a view Floe created
 * lives at {@code s3://<bucket>/<uuid>}, a registered one keeps its location.
 */
final class Views {
  private final CatalogObjects objects;
  private final Entities entities;
  private final NameIndex names;
  private final Namespaces namespaces;
  private final MetadataFiles files;

  Views(
      CatalogObjects objects,
      Entities entities,
      NameIndex names,
      Namespaces namespaces,
      MetadataFiles files) {
    this.objects = objects;
    this.entities = entities;
    this.names = names;
    this.namespaces = namespaces;
    this.files = files;
  }

  private String location(String uuid) {
    return "s3://" + objects.bucket() + "/" + UUID.fromString(uuid);
  }

  private ViewMetadata atOwnLocation(ViewMetadata metadata) {
    String own = location(metadata.uuid());
    return own.equals(metadata.location())
        ? metadata
        : ViewMetadata.buildFrom(metadata).setLocation(own).build();
  }

  ViewMetadata create(TableIdentifier identifier, ViewMetadata metadata) {
    namespaces.require(identifier.namespace());
    ViewMetadata written = files.writeView(atOwnLocation(metadata), 1);
    try {
      publish(identifier, written, false);
    } catch (AlreadyExistsException e) {
      files.delete(written.metadataFileLocation());
      throw e;
    }
    return written;
  }

  ViewMetadata register(TableIdentifier identifier, String metadataLocation) {
    namespaces.require(identifier.namespace());
    ViewMetadata metadata = files.readView(metadataLocation);
    publish(identifier, metadata, !location(metadata.uuid()).equals(metadata.location()));
    return metadata;
  }

  private void publish(TableIdentifier identifier, ViewMetadata metadata, boolean registered) {
    String uuid = UUID.fromString(metadata.uuid()).toString();
    EntityRecord entity =
        EntityRecord.first(
            uuid,
            ObjectKind.VIEW,
            StoredIdentifier.of(identifier),
            metadata.metadataFileLocation(),
            registered);
    try {
      entities.create(entity);
    } catch (PreconditionFailedException exists) {
      throw new AlreadyExistsException(
          "View already exists: %s (its uuid %s is already in this warehouse)", identifier, uuid);
    }
    Claim claim = names.claim(identifier, uuid, ObjectKind.VIEW);
    if (claim.taken()) {
      entities.delete(uuid);
      throw claim.holder() == ObjectKind.TABLE
          ? new AlreadyExistsException("Table with same name already exists: %s", identifier)
          : new AlreadyExistsException("View already exists: %s", identifier);
    }
  }

  /** One compare-and-swap to {@code updated}; empty when another writer changed the view first. */
  Optional<ViewMetadata> swap(
      TableIdentifier identifier, Versioned<EntityRecord> current, ViewMetadata updated) {
    EntityRecord entity = current.value();
    ViewMetadata target = entity.registered() ? updated : atOwnLocation(updated);
    ViewMetadata written = files.writeView(target, entity.sequence() + 1);
    String location = written.metadataFileLocation();
    Swap outcome =
        entities.commit(
            current, entity.committed(StoredIdentifier.of(identifier), location), later -> false);
    if (outcome == Swap.LOST) {
      files.delete(location);
      return Optional.empty();
    }
    if (outcome == Swap.UNKNOWN) {
      throw new CommitStateUnknownException(
          new StoreUnavailableException(
              "The backing store failed while committing " + identifier + " to " + location, null));
    }
    return Optional.of(written);
  }

  /**
   * Drops the view and, for one Floe created, its metadata files unless {@code gc.enabled=false}
   * keeps them for a later register.
   */
  boolean drop(TableIdentifier identifier) {
    Optional<Resolved> resolved = names.resolve(identifier, ObjectKind.VIEW);
    if (resolved.isEmpty()) {
      return false;
    }
    EntityRecord entity = resolved.get().entity().value();
    names.release(resolved.get());
    entities.delete(entity.uuid());
    boolean collect =
        PropertyUtil.propertyAsBoolean(
            files.readView(entity.metadataLocation()).properties(),
            TableProperties.GC_ENABLED,
            TableProperties.GC_ENABLED_DEFAULT);
    if (!entity.registered() && collect) {
      objects.store().deletePrefix(objects.bucket(), CatalogKeys.filesOf(entity.uuid()));
    }
    return true;
  }
}
