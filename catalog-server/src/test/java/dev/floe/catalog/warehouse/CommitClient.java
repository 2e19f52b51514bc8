package dev.floe.catalog.warehouse;

import org.apache.iceberg.BaseTable;
import org.apache.iceberg.LocationProviders;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.UpdateRequirements;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.LocationProvider;

/**
 * What a REST client does: Iceberg's table API on the client side, each commit sent to the catalog
 * as requirements and updates ({@link FloeCatalog#commitTable}), as Iceberg's RESTTableOperations
 * sends them.
 */
final class CommitClient implements TableOperations {
  private final FloeCatalog catalog;
  private final TableIdentifier identifier;
  private TableMetadata current;

  private CommitClient(FloeCatalog catalog, TableIdentifier identifier) {
    this.catalog = catalog;
    this.identifier = identifier;
    refresh();
  }

  static Table table(FloeCatalog catalog, TableIdentifier identifier) {
    return new BaseTable(new CommitClient(catalog, identifier), identifier.toString());
  }

  @Override
  public TableMetadata current() {
    return current;
  }

  @Override
  public TableMetadata refresh() {
    this.current = ((BaseTable) catalog.loadTable(identifier)).operations().current();
    return current;
  }

  @Override
  public void commit(TableMetadata base, TableMetadata metadata) {
    this.current =
        catalog.commitTable(
            identifier,
            UpdateRequirements.forUpdateTable(base, metadata.changes()),
            metadata.changes());
  }

  @Override
  public FileIO io() {
    return catalog.io();
  }

  @Override
  public String metadataFileLocation(String fileName) {
    return current.location() + "/metadata/" + fileName;
  }

  @Override
  public LocationProvider locationProvider() {
    return LocationProviders.locationsFor(current.location(), current.properties());
  }
}
