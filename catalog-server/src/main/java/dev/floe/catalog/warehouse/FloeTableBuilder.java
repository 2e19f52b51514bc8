package dev.floe.catalog.warehouse;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.Transactions;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.metrics.MetricsReporter;

/**
 * Builds tables at the location Floe assigns, {@code s3://<bucket>/<uuid>}, with the uuid chosen
 * first so that files written inside a create transaction already land under it. A requested
 * location is ignored: table files must stay under the table's protected prefix.
 */
final class FloeTableBuilder implements Catalog.TableBuilder {
  private final TableIdentifier identifier;
  private final Schema schema;
  private final String fullName;
  private final Function<TableIdentifier, FloeTableOperations> operations;
  private final Function<String, String> locationOfUuid;
  private final Map<String, String> overrides;
  private final BooleanSupplier nameHeldByView;
  private final MetricsReporter reporter;
  private final Optional<CommitKey> key;
  private final Map<String, String> properties = new HashMap<>();
  private PartitionSpec spec = PartitionSpec.unpartitioned();
  private SortOrder sortOrder = SortOrder.unsorted();

  FloeTableBuilder(
      TableIdentifier identifier,
      Schema schema,
      String fullName,
      Function<TableIdentifier, FloeTableOperations> operations,
      Function<String, String> locationOfUuid,
      Map<String, String> defaults,
      Map<String, String> overrides,
      BooleanSupplier nameHeldByView,
      MetricsReporter reporter,
      Optional<CommitKey> key) {
    this.identifier = identifier;
    this.schema = schema;
    this.fullName = fullName;
    this.operations = operations;
    this.locationOfUuid = locationOfUuid;
    this.overrides = overrides;
    this.nameHeldByView = nameHeldByView;
    this.reporter = reporter;
    this.key = key;
    this.properties.putAll(defaults);
  }

  @Override
  public Catalog.TableBuilder withPartitionSpec(PartitionSpec newSpec) {
    this.spec = newSpec != null ? newSpec : PartitionSpec.unpartitioned();
    return this;
  }

  @Override
  public Catalog.TableBuilder withSortOrder(SortOrder newSortOrder) {
    this.sortOrder = newSortOrder != null ? newSortOrder : SortOrder.unsorted();
    return this;
  }

  @Override
  public Catalog.TableBuilder withLocation(String location) {
    return this;
  }

  @Override
  public Catalog.TableBuilder withProperties(Map<String, String> newProperties) {
    if (newProperties != null) {
      properties.putAll(newProperties);
    }
    return this;
  }

  @Override
  public Catalog.TableBuilder withProperty(String key, String value) {
    properties.put(key, value);
    return this;
  }

  @Override
  public Table create() {
    FloeTableOperations ops = operations.apply(identifier);
    try {
      ops.create(newMetadata(), key);
    } catch (CommitFailedException e) {
      throw new AlreadyExistsException("Table was created concurrently: %s", identifier);
    }
    return new BaseTable(ops, fullName, reporter);
  }

  @Override
  public Transaction createTransaction() {
    TableOperations ops = operations.apply(identifier);
    if (ops.current() != null) {
      throw new AlreadyExistsException("Table already exists: %s", identifier);
    }
    return Transactions.createTableTransaction(fullName, ops, newMetadata(), reporter);
  }

  @Override
  public Transaction replaceTransaction() {
    return replace(false);
  }

  @Override
  public Transaction createOrReplaceTransaction() {
    return replace(true);
  }

  private Transaction replace(boolean orCreate) {
    if (nameHeldByView.getAsBoolean()) {
      throw new AlreadyExistsException("View with same name already exists: %s", identifier);
    }
    TableOperations ops = operations.apply(identifier);
    TableMetadata current = ops.current();
    if (current == null) {
      if (!orCreate) {
        throw new NoSuchTableException("Table does not exist: %s", identifier);
      }
      return Transactions.createOrReplaceTableTransaction(fullName, ops, newMetadata(), reporter);
    }
    TableMetadata replacement =
        current.buildReplacement(schema, spec, sortOrder, current.location(), withOverrides());
    return orCreate
        ? Transactions.createOrReplaceTableTransaction(fullName, ops, replacement, reporter)
        : Transactions.replaceTableTransaction(fullName, ops, replacement, reporter);
  }

  private TableMetadata newMetadata() {
    String uuid = UUID.randomUUID().toString();
    TableMetadata metadata =
        TableMetadata.newTableMetadata(
            schema, spec, sortOrder, locationOfUuid.apply(uuid), withOverrides());
    return TableMetadata.buildFrom(metadata).assignUUID(uuid).build();
  }

  private Map<String, String> withOverrides() {
    Map<String, String> all = new HashMap<>(properties);
    all.putAll(overrides);
    return all;
  }
}
