package dev.floe.catalog.warehouse;

import dev.floe.catalog.store.ObjectStore;
import dev.floe.catalog.store.StoreConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.UpdateRequirement;
import org.apache.iceberg.aws.AwsClientProperties;
import org.apache.iceberg.aws.s3.S3FileIO;
import org.apache.iceberg.aws.s3.S3FileIOProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.util.PropertyUtil;
import org.apache.iceberg.view.BaseMetastoreViewCatalog;
import org.apache.iceberg.view.BaseView;
import org.apache.iceberg.view.View;
import org.apache.iceberg.view.ViewOperations;
import org.apache.iceberg.view.ViewUtil;

/**
 * One warehouse's Iceberg catalog, all state in its bucket (DESIGN §3): names, entities (the table
 * pointers), namespaces and transaction records under {@code .floe/}, table and view files under
 * {@code <uuid>/}. Stateless apart from caches of immutable metadata files, so any number of Floe
 * instances can serve the same warehouse.
 */
public final class FloeCatalog extends BaseMetastoreViewCatalog implements SupportsNamespaces {
  static final int DEFAULT_FORMAT_VERSION = 3;
  static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

  private final StoreConnection connection;
  private final Namespaces namespaces;
  private final NameIndex names;
  private final MetadataFiles files;
  private final Tables tables;
  private final Views views;
  private final RenameProtocol renames;
  private final CommitMetrics metrics;
  private final Clock clock;
  private final CatalogFaults faults;
  private final Duration transactionTimeout;
  private final CatalogObjects objects;
  private final Entities entities;
  private final StagedLocations staged;
  private String name;
  private Map<String, String> properties = Map.of();
  private CommitProtocol commits;
  private TransactionProtocol transactions;
  private S3FileIO io;

  FloeCatalog(
      String bucket,
      ObjectStore store,
      StoreConnection connection,
      MeterRegistry meters,
      Clock clock,
      CatalogFaults faults,
      Duration transactionTimeout) {
    this.connection = connection;
    this.clock = clock;
    this.faults = faults;
    this.transactionTimeout = transactionTimeout;
    this.name = bucket;
    this.objects = new CatalogObjects(store, bucket);
    this.entities = new Entities(objects, clock);
    this.staged = new StagedLocations(objects, clock);
    this.names = new NameIndex(objects, entities);
    this.namespaces = new Namespaces(objects, names);
    this.files = new MetadataFiles(store);
    this.metrics = new CommitMetrics(meters, bucket);
    this.tables = new Tables(objects, entities, names, namespaces, files, faults, this::io);
    this.views = new Views(objects, entities, names, namespaces, files);
    this.renames = new RenameProtocol(objects, entities, names, namespaces, faults);
    initialize(bucket, Map.of());
  }

  /**
   * Sets the catalog name and its properties; {@code table-default.format-version} decides the
   * format of new tables (v3 unless set).
   */
  @Override
  public void initialize(String catalogName, Map<String, String> catalogProperties) {
    this.name = catalogName;
    Map<String, String> all = new HashMap<>(catalogProperties);
    all.putIfAbsent(
        CatalogProperties.TABLE_DEFAULT_PREFIX + TableProperties.FORMAT_VERSION,
        String.valueOf(DEFAULT_FORMAT_VERSION));
    this.properties = Map.copyOf(all);
    int formatVersion =
        PropertyUtil.propertyAsInt(
            properties,
            CatalogProperties.TABLE_DEFAULT_PREFIX + TableProperties.FORMAT_VERSION,
            DEFAULT_FORMAT_VERSION);
    this.commits = new CommitProtocol(names, tables, files, metrics, this::io, formatVersion);
    this.transactions =
        new TransactionProtocol(
            objects,
            entities,
            names,
            tables,
            files,
            metrics,
            clock,
            faults,
            transactionTimeout,
            this::io);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  protected Map<String, String> properties() {
    return properties;
  }

  /** The Iceberg {@link FileIO} for the backing store, so Table objects and purges work here. */
  public synchronized FileIO io() {
    if (io == null) {
      S3FileIO fileIO = new S3FileIO();
      fileIO.initialize(
          Map.of(
              S3FileIOProperties.ENDPOINT, connection.endpoint().toString(),
              S3FileIOProperties.PATH_STYLE_ACCESS, "true",
              S3FileIOProperties.ACCESS_KEY_ID, connection.accessKeyId(),
              S3FileIOProperties.SECRET_ACCESS_KEY, connection.secretKey(),
              AwsClientProperties.CLIENT_REGION, connection.region()));
      this.io = fileIO;
    }
    return io;
  }

  /** The warehouse bucket holding this catalog. */
  String bucket() {
    return objects.bucket();
  }

  /** Where a new table with this uuid lives: {@code s3://<bucket>/<uuid>}. */
  public String tableLocation(UUID tableUuid) {
    return tables.location(tableUuid.toString());
  }

  /**
   * Records that stage-create handed out {@code tableUuid}'s location, so that the table's first
   * files may be written there before it is committed.
   */
  public void stageLocation(UUID tableUuid) {
    staged.record(tableUuid.toString());
  }

  /**
   * The name of the table with this uuid, as its entity records it: how the S3 API names the table
   * a file belongs to. Empty for a view, a staged table or an unknown uuid.
   */
  public Optional<TableIdentifier> tableIdentifier(String uuid) {
    return entities
        .readRaw(uuid)
        .map(CatalogObjects.Versioned::value)
        .filter(entity -> entity.kind() == ObjectKind.TABLE)
        .map(entity -> entity.identifier().toIdentifier());
  }

  /** Whether {@code <uuid>/} belongs to a table or view of this warehouse, or a staged table. */
  public boolean ownsLocation(String uuid) {
    return objects.store().headEtag(objects.bucket(), CatalogKeys.entity(uuid)).isPresent()
        || staged.isLive(uuid);
  }

  // ---- tables

  @Override
  protected boolean isValidIdentifier(TableIdentifier identifier) {
    return !identifier.namespace().isEmpty();
  }

  @Override
  protected TableOperations newTableOps(TableIdentifier identifier) {
    return tableOperations(identifier);
  }

  private FloeTableOperations tableOperations(TableIdentifier identifier) {
    CatalogNames.validate(identifier);
    return new FloeTableOperations(
        identifier, fullTableName(name, identifier), names, tables, files, metrics, this::io);
  }

  @Override
  protected String defaultWarehouseLocation(TableIdentifier identifier) {
    return tables.location(UUID.randomUUID().toString());
  }

  @Override
  public TableBuilder buildTable(TableIdentifier identifier, Schema schema) {
    return tableBuilder(identifier, schema, Optional.empty());
  }

  /**
   * As {@link #buildTable}, for a create under an Idempotency-Key: the new table's pointer records
   * the key with its first version, as a keyed commit's does (see {@link #commitTable(
   * TableIdentifier, List, List, CommitKey)}).
   */
  public TableBuilder buildTable(TableIdentifier identifier, Schema schema, CommitKey key) {
    return tableBuilder(identifier, schema, Optional.of(key));
  }

  private TableBuilder tableBuilder(
      TableIdentifier identifier, Schema schema, Optional<CommitKey> key) {
    CatalogNames.validate(identifier);
    return new FloeTableBuilder(
        identifier,
        schema,
        fullTableName(name, identifier),
        this::tableOperations,
        tables::location,
        PropertyUtil.propertiesWithPrefix(properties, CatalogProperties.TABLE_DEFAULT_PREFIX),
        PropertyUtil.propertiesWithPrefix(properties, CatalogProperties.TABLE_OVERRIDE_PREFIX),
        () -> viewExists(identifier),
        metricsReporter(),
        key);
  }

  @Override
  public List<TableIdentifier> listTables(Namespace namespace) {
    CatalogNames.validate(namespace);
    namespaces.require(namespace);
    return names.list(namespace, ObjectKind.TABLE);
  }

  @Override
  public boolean tableExists(TableIdentifier identifier) {
    CatalogNames.validate(identifier);
    return names.resolveTable(identifier).isPresent();
  }

  @Override
  public boolean dropTable(TableIdentifier identifier, boolean purge) {
    CatalogNames.validate(identifier);
    return tables.drop(identifier, purge);
  }

  @Override
  public void renameTable(TableIdentifier from, TableIdentifier to) {
    renames.rename(from, to, ObjectKind.TABLE);
  }

  @Override
  public Table registerTable(TableIdentifier identifier, String metadataFileLocation) {
    return registerTable(identifier, metadataFileLocation, false);
  }

  /**
   * Registers a table from its metadata file. The table keeps the location its metadata names and
   * is recorded as registered, so Floe never purges files it did not place. With {@code overwrite}
   * an existing table of that name is dropped first (without purge).
   */
  @Override
  public Table registerTable(
      TableIdentifier identifier, String metadataFileLocation, boolean overwrite) {
    CatalogNames.validate(identifier);
    if (metadataFileLocation == null || metadataFileLocation.isEmpty()) {
      throw new BadRequestException("Cannot register an empty metadata file location as a table");
    }
    if (viewExists(identifier)) {
      throw new AlreadyExistsException("View with same name already exists: %s", identifier);
    }
    if (tableExists(identifier)) {
      if (!overwrite) {
        throw new AlreadyExistsException("Table already exists: %s", identifier);
      }
      tables.drop(identifier, false);
    }
    tables.register(identifier, metadataFileLocation);
    return new BaseTable(
        newTableOps(identifier), fullTableName(name, identifier), metricsReporter());
  }

  /**
   * Single-table commit (also a create when requirements contain AssertTableDoesNotExist), with
   * server-side retry of lost races and CommitFailedException (→ 409) only for a real requirement
   * conflict. Returns the new metadata.
   */
  public TableMetadata commitTable(
      TableIdentifier ident, List<UpdateRequirement> requirements, List<MetadataUpdate> updates) {
    return commits.commit(ident, requirements, updates, Optional.empty());
  }

  /**
   * As {@link #commitTable(TableIdentifier, List, List)}, under an Idempotency-Key: the table's
   * pointer records the key with the commit, and a retry of the same request that finds it there
   * gets the metadata that commit made current. An {@link IdempotencyKeyTakenException} means an
   * earlier request holds the key and the pointer does not show its outcome.
   */
  public TableMetadata commitTable(
      TableIdentifier ident,
      List<UpdateRequirement> requirements,
      List<MetadataUpdate> updates,
      CommitKey key) {
    return commits.commit(ident, requirements, updates, Optional.of(key));
  }

  /**
   * What the commit made under {@code key} to the table with this uuid made current, while the
   * table's pointer still remembers that commit.
   */
  public Optional<KeyedCommit> rememberedCommit(String tableUuid, String key) {
    return entities.read(tableUuid).flatMap(entity -> entity.value().keyedCommit(key));
  }

  /**
   * The JSON of a table metadata file this instance has just written (by a commit or create), so
   * that answering with the same metadata need not serialize it again.
   */
  public Optional<String> writtenMetadataJson(String metadataLocation) {
    return files.writtenJson(metadataLocation);
  }

  /** A table metadata file; immutable, so usually served from memory. */
  public TableMetadata tableMetadata(String metadataLocation) {
    return files.readTable(metadataLocation);
  }

  /** The table's current metadata: a read of its pointer, and the metadata file from memory. */
  public Optional<TableMetadata> currentMetadata(TableIdentifier ident) {
    return currentMetadataLocation(ident).map(files::readTable);
  }

  /** Atomic multi-table commit (DESIGN §3 Percolator-style protocol). */
  public void commitTransaction(List<TableCommit> commits) {
    transactions.commit(commits);
  }

  /**
   * The current metadata location from the pointer only (name + entity objects, no metadata read).
   */
  public Optional<String> currentMetadataLocation(TableIdentifier ident) {
    return tablePointer(ident).map(TablePointer::metadataLocation);
  }

  /** The uuid of the table with this name, by which policies may also name it. */
  public Optional<String> tableUuid(TableIdentifier ident) {
    return tablePointer(ident).map(TablePointer::uuid);
  }

  /** A table's uuid and current metadata location, from one read of its entity. */
  public Optional<TablePointer> tablePointer(TableIdentifier ident) {
    CatalogNames.validate(ident);
    return names
        .resolveTable(ident)
        .map(resolved -> new TablePointer(resolved.uuid(), resolved.entity().value().metadataLocation()));
  }

  /** What a table's entity says about it now: its uuid and its current metadata file. */
  public record TablePointer(String uuid, String metadataLocation) {}

  /** The uuid of the view with this name, by which policies may also name it. */
  public Optional<String> viewUuid(TableIdentifier ident) {
    CatalogNames.validate(ident);
    return names.resolve(ident, ObjectKind.VIEW).map(NameIndex.Resolved::uuid);
  }

  // ---- views

  @Override
  protected ViewOperations newViewOps(TableIdentifier identifier) {
    CatalogNames.validate(identifier);
    return new FloeViewOperations(
        identifier, ViewUtil.fullViewName(name, identifier), names, views, files, this::io);
  }

  @Override
  public List<TableIdentifier> listViews(Namespace namespace) {
    CatalogNames.validate(namespace);
    namespaces.require(namespace);
    return names.list(namespace, ObjectKind.VIEW);
  }

  @Override
  public boolean viewExists(TableIdentifier identifier) {
    CatalogNames.validate(identifier);
    return names.resolve(identifier, ObjectKind.VIEW).isPresent();
  }

  @Override
  public boolean dropView(TableIdentifier identifier) {
    CatalogNames.validate(identifier);
    return views.drop(identifier);
  }

  @Override
  public void renameView(TableIdentifier from, TableIdentifier to) {
    renames.rename(from, to, ObjectKind.VIEW);
  }

  @Override
  public View registerView(TableIdentifier identifier, String metadataFileLocation) {
    CatalogNames.validate(identifier);
    if (metadataFileLocation == null || metadataFileLocation.isEmpty()) {
      throw new BadRequestException("Cannot register an empty metadata file location as a view");
    }
    if (viewExists(identifier)) {
      throw new AlreadyExistsException("View already exists: %s", identifier);
    }
    if (tableExists(identifier)) {
      throw new AlreadyExistsException("Table with same name already exists: %s", identifier);
    }
    views.register(identifier, metadataFileLocation);
    return new BaseView(newViewOps(identifier), ViewUtil.fullViewName(name, identifier));
  }

  // ---- namespaces

  @Override
  public void createNamespace(Namespace namespace, Map<String, String> metadata) {
    namespaces.create(namespace, metadata);
  }

  @Override
  public List<Namespace> listNamespaces(Namespace namespace) throws NoSuchNamespaceException {
    return namespaces.list(namespace);
  }

  @Override
  public Map<String, String> loadNamespaceMetadata(Namespace namespace)
      throws NoSuchNamespaceException {
    return namespaces.load(namespace);
  }

  @Override
  public boolean dropNamespace(Namespace namespace) {
    return namespaces.drop(namespace);
  }

  @Override
  public boolean setProperties(Namespace namespace, Map<String, String> updates) {
    return namespaces.setProperties(namespace, updates);
  }

  @Override
  public boolean removeProperties(Namespace namespace, Set<String> keys) {
    return namespaces.removeProperties(namespace, keys);
  }

  @Override
  public boolean namespaceExists(Namespace namespace) {
    if (namespace.isEmpty()) {
      return false;
    }
    CatalogNames.validate(namespace);
    return namespaces.exists(namespace);
  }

  /** Whether the warehouse holds any namespace (and so possibly tables or views). */
  boolean hasNamespaces() {
    return !namespaces.list(Namespace.empty()).isEmpty();
  }

  @Override
  public void close() throws IOException {
    super.close();
    synchronized (this) {
      if (io != null) {
        io.close();
        io = null;
      }
    }
  }

  @Override
  public String toString() {
    return "FloeCatalog[" + name + "]";
  }
}
