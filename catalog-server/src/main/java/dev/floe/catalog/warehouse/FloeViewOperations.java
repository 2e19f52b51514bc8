package dev.floe.catalog.warehouse;

import dev.floe.catalog.warehouse.CatalogObjects.Versioned;
import dev.floe.catalog.warehouse.NameIndex.Resolved;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchViewException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.view.BaseViewOperations;
import org.apache.iceberg.view.ViewMetadata;

/** Iceberg's view of one view: the same name → entity → metadata path as tables. */
final class FloeViewOperations extends BaseViewOperations {
  private final TableIdentifier identifier;
  private final String fullName;
  private final NameIndex names;
  private final Views views;
  private final MetadataFiles files;
  private final Supplier<FileIO> io;
  private Versioned<EntityRecord> entity;

  FloeViewOperations(
      TableIdentifier identifier,
      String fullName,
      NameIndex names,
      Views views,
      MetadataFiles files,
      Supplier<FileIO> io) {
    this.identifier = identifier;
    this.fullName = fullName;
    this.names = names;
    this.views = views;
    this.files = files;
    this.io = io;
  }

  @Override
  protected String viewName() {
    return fullName;
  }

  @Override
  public FileIO io() {
    return io.get();
  }

  @Override
  protected void doRefresh() {
    Optional<Resolved> resolved = names.resolve(identifier, ObjectKind.VIEW);
    if (resolved.isEmpty()) {
      this.entity = null;
      if (currentMetadataLocation() != null) {
        throw new NoSuchViewException("View does not exist: %s", identifier);
      }
      disableRefresh();
      return;
    }
    this.entity = resolved.get().entity();
    refreshFromMetadataLocation(entity.value().metadataLocation(), null, 0, files::readView);
  }

  @Override
  protected void doCommit(ViewMetadata base, ViewMetadata metadata) {
    if (base == null) {
      views.create(identifier, metadata);
      return;
    }
    if (entity == null) {
      throw new NoSuchViewException("View does not exist: %s", identifier);
    }
    views
        .swap(identifier, entity, metadata)
        .orElseThrow(
            () ->
                new CommitFailedException(
                    "Cannot commit %s: the view was changed concurrently", identifier));
  }
}
