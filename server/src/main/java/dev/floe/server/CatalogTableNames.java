package dev.floe.server;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.floe.catalog.warehouse.NoSuchWarehouseException;
import dev.floe.catalog.warehouse.Warehouses;
import dev.floe.s3.authz.TableNames;
import java.time.Duration;
import java.util.Optional;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Table names for the S3 API's authorization, read from the catalog and remembered for a few
 * seconds, so that a stream of requests for one table's files reads its entity once, and a
 * rename is seen by policies naming the table within that time.
 */
final class CatalogTableNames implements TableNames {
  private static final Duration REMEMBERED = Duration.ofSeconds(5);

  private final Warehouses warehouses;
  private final LoadingCache<Key, Optional<TableName>> names =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(REMEMBERED).build(this::read);

  CatalogTableNames(Warehouses warehouses) {
    this.warehouses = warehouses;
  }

  @Override
  public Optional<TableName> nameOf(String warehouse, String uuid) {
    return names.get(new Key(warehouse, uuid));
  }

  private Optional<TableName> read(Key key) {
    try {
      return warehouses
          .catalog(key.warehouse())
          .tableIdentifier(key.uuid())
          .map(CatalogTableNames::nameOf);
    } catch (NoSuchWarehouseException e) {
      return Optional.empty();
    }
  }

  private static TableName nameOf(TableIdentifier identifier) {
    return new TableName(String.join(".", identifier.namespace().levels()), identifier.name());
  }

  private record Key(String warehouse, String uuid) {}
}
