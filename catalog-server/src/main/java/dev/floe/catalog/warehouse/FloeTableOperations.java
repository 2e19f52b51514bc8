package dev.floe.catalog.warehouse;

import dev.floe.catalog.store.StoreUnavailableException;
import dev.floe.catalog.warehouse.CatalogObjects.Versioned;
import dev.floe.catalog.warehouse.NameIndex.Resolved;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.iceberg.BaseMetastoreTableOperations;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.io.FileIO;

/**
 * Iceberg's view of one table: refresh reads the entity (and the name, unless this instance knows
 * it), commit swaps the entity once
 * (Iceberg's own update classes retry on {@link CommitFailedException}).
 */
final class FloeTableOperations extends BaseMetastoreTableOperations {
  private final TableIdentifier identifier;
  private final String fullName;
  private final NameIndex names;
  private final Tables tables;
  private final MetadataFiles files;
  private final CommitMetrics metrics;
  private final Supplier<FileIO> io;
  private Versioned<EntityRecord> entity;
  private TableMetadata written;

  FloeTableOperations(
      TableIdentifier identifier,
      String fullName,
      NameIndex names,
      Tables tables,
      MetadataFiles files,
      CommitMetrics metrics,
      Supplier<FileIO> io) {
    this.identifier = identifier;
    this.fullName = fullName;
    this.names = names;
    this.tables = tables;
    this.files = files;
    this.metrics = metrics;
    this.io = io;
  }

  @Override
  protected String tableName() {
    return fullName;
  }

  @Override
  public FileIO io() {
    return io.get();
  }

  @Override
  protected void doRefresh() {
    Optional<Resolved> resolved = names.resolveTable(identifier);
    if (resolved.isEmpty()) {
      this.entity = null;
      if (currentMetadataLocation() != null) {
        throw new NoSuchTableException("Table does not exist: %s", identifier);
      }
      disableRefresh();
      return;
    }
    this.entity = resolved.get().entity();
    refreshFromMetadataLocation(entity.value().metadataLocation(), null, 0, files::readTable);
  }

  /**
   * Commits, then takes what the commit wrote as current instead of reading the entity back: the
   * compare-and-swap just proved it current, as the REST commit path does. Any later refresh reads
   * the store again.
   */
  @Override
  public void commit(TableMetadata base, TableMetadata metadata) {
    this.written = null;
    super.commit(base, metadata);
    TableMetadata mine = written;
    this.written = null;
    if (mine == null) {
      return;
    }
    Optional<Versioned<EntityRecord>> swapped =
        names
            .lastSeenTable(identifier)
            .map(Resolved::entity)
            .filter(seen -> seen.value().metadataLocation().equals(mine.metadataFileLocation()));
    if (swapped.isPresent()) {
      this.entity = swapped.get();
      refreshFromMetadataLocation(mine.metadataFileLocation(), null, 0, files::readTable);
    }
  }

  /**
   * Creates the table without looking the name up first: claiming the name is what refuses an
   * existing table, with an {@link org.apache.iceberg.exceptions.AlreadyExistsException}.
   */
  void create(TableMetadata metadata, Optional<CommitKey> key) {
    TableMetadata created =
        metrics.record(() -> tables.create(identifier, metadata, tables.checks(key)));
    this.entity = names.lastSeenTable(identifier).map(Resolved::entity).orElse(null);
    refreshFromMetadataLocation(created.metadataFileLocation(), null, 0, files::readTable);
  }

  @Override
  protected void doCommit(TableMetadata base, TableMetadata metadata) {
    this.written =
        metrics.record(
            () -> {
              if (base == null) {
                return tables.create(identifier, metadata, tables.checks(Optional.empty()));
              }
              if (entity == null || entity.value().pending() != null) {
                throw new CommitFailedException(
                    "Cannot commit %s: a multi-table transaction is updating it", identifier);
              }
              Tables.Attempt attempt =
                  tables.swap(identifier, entity, metadata, tables.checks(Optional.empty()));
              switch (attempt.outcome()) {
                case COMMITTED:
                  return attempt.written();
                case LOST:
                  throw new CommitFailedException(
                      "Cannot commit %s: the table was changed concurrently", identifier);
                default:
                  throw new CommitStateUnknownException(
                      new StoreUnavailableException(
                          "The backing store failed while committing "
                              + identifier
                              + " to "
                              + attempt.written().metadataFileLocation(),
                          null));
              }
            });
  }
}
