package dev.floe.catalog.rest;

import dev.floe.catalog.warehouse.FloeCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.ImmutableTableCommit;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.rest.CatalogHandlers;
import org.apache.iceberg.rest.RESTCatalogProperties.SnapshotMode;
import org.apache.iceberg.rest.requests.CommitTransactionRequest;
import org.apache.iceberg.rest.requests.CreateTableRequest;
import org.apache.iceberg.rest.requests.RegisterTableRequest;
import org.apache.iceberg.rest.requests.RenameTableRequest;
import org.apache.iceberg.rest.requests.ReportMetricsRequest;
import org.apache.iceberg.rest.requests.UpdateTableRequest;
import org.apache.iceberg.rest.responses.LoadTableResponse;

/** Table routes. Reads delegate to Iceberg's {@link CatalogHandlers}; commits go to Floe's CAS protocol. */
final class TableEndpoints {
  static final int DEFAULT_FORMAT_VERSION = 3;

  private TableEndpoints() {}

  static CatalogResponse list(FloeCatalog catalog, CatalogRequest request) {
    Namespace namespace = Identifiers.namespace(request);
    Optional<Pagination> page = Pagination.from(request);
    return CatalogResponse.ok(
        page.isPresent()
            ? CatalogHandlers.listTables(
                catalog, namespace, page.get().pageToken(), page.get().pageSize())
            : CatalogHandlers.listTables(catalog, namespace));
  }

  static CatalogResponse create(FloeCatalog catalog, CatalogRequest request) {
    Namespace namespace = Identifiers.namespace(request);
    CreateTableRequest body = RestJson.read(request.body(), CreateTableRequest.class);
    LoadTableResponse response =
        body.stageCreate()
            ? stageCreate(catalog, namespace, body)
            : CatalogHandlers.createTable(catalog, namespace, body);
    return withETag(response, request);
  }

  /**
   * Stage-create answers with metadata that is not yet committed. Unlike Iceberg's handler it
   * ignores a requested location (Trino sends one of its own): Floe assigns every table's
   * location, {@code s3://<warehouse>/<table-uuid>}, and the client commits what it was given.
   */
  private static LoadTableResponse stageCreate(
      FloeCatalog catalog, Namespace namespace, CreateTableRequest body) {
    TableIdentifier ident = TableIdentifier.of(namespace, body.name());
    if (!catalog.namespaceExists(namespace)) {
      throw new org.apache.iceberg.exceptions.NoSuchNamespaceException(
          "Namespace does not exist: %s", namespace);
    }
    if (catalog.tableExists(ident) || catalog.viewExists(ident)) {
      throw new AlreadyExistsException("Table already exists: %s", ident);
    }
    Map<String, String> properties = new HashMap<>(body.properties());
    properties.putIfAbsent(TableProperties.FORMAT_VERSION, String.valueOf(DEFAULT_FORMAT_VERSION));
    UUID uuid = UUID.randomUUID();
    catalog.stageLocation(uuid);
    TableMetadata metadata =
        TableMetadata.buildFrom(
                TableMetadata.newTableMetadata(
                    body.schema(),
                    body.spec() != null ? body.spec() : PartitionSpec.unpartitioned(),
                    body.writeOrder() != null ? body.writeOrder() : SortOrder.unsorted(),
                    catalog.tableLocation(uuid),
                    properties))
            .assignUUID(uuid.toString())
            .build();
    return LoadTableResponse.builder().withTableMetadata(metadata).build();
  }

  static CatalogResponse load(FloeCatalog catalog, CatalogRequest request) {
    TableIdentifier ident = Identifiers.table(request, "table");
    SnapshotMode mode = snapshotMode(request);
    Optional<String> ifNoneMatch = request.header("If-None-Match");
    if (ifNoneMatch.isPresent()) {
      Optional<String> location = catalog.currentMetadataLocation(ident);
      if (location.isPresent()
          && TableETag.matches(ifNoneMatch.get(), TableETag.of(location.get(), mode))) {
        return CatalogResponse.notModified(TableETag.of(location.get(), mode));
      }
    }
    return withETag(CatalogHandlers.loadTable(catalog, ident, mode), request);
  }

  static CatalogResponse exists(FloeCatalog catalog, CatalogRequest request) {
    CatalogHandlers.tableExists(catalog, Identifiers.table(request, "table"));
    return CatalogResponse.noContent();
  }

  static CatalogResponse update(FloeCatalog catalog, CatalogRequest request) {
    TableIdentifier ident = Identifiers.table(request, "table");
    UpdateTableRequest body = RestJson.read(request.body(), UpdateTableRequest.class);
    if (body.identifier() != null && !body.identifier().equals(ident)) {
      throw new BadRequestException(
          "Identifier in the body (%s) does not match the path (%s)", body.identifier(), ident);
    }
    TableMetadata metadata = catalog.commitTable(ident, body.requirements(), body.updates());
    return withETag(LoadTableResponse.builder().withTableMetadata(metadata).build(), request);
  }

  static CatalogResponse drop(FloeCatalog catalog, CatalogRequest request) {
    TableIdentifier ident = Identifiers.table(request, "table");
    boolean purge = request.queryParam("purgeRequested").map(Boolean::parseBoolean).orElse(false);
    if (purge) {
      CatalogHandlers.purgeTable(catalog, ident);
    } else {
      CatalogHandlers.dropTable(catalog, ident);
    }
    return CatalogResponse.noContent();
  }

  static CatalogResponse rename(FloeCatalog catalog, CatalogRequest request) {
    RenameTableRequest body = RestJson.read(request.body(), RenameTableRequest.class);
    CatalogHandlers.renameTable(catalog, body);
    return CatalogResponse.noContent();
  }

  static CatalogResponse register(FloeCatalog catalog, CatalogRequest request) {
    RegisterTableRequest body = RestJson.read(request.body(), RegisterTableRequest.class);
    return withETag(
        CatalogHandlers.registerTable(catalog, Identifiers.namespace(request), body), request);
  }

  static CatalogResponse reportMetrics(FloeCatalog catalog, CatalogRequest request) {
    TableIdentifier ident = Identifiers.table(request, "table");
    RestJson.read(request.body(), ReportMetricsRequest.class);
    CatalogHandlers.tableExists(catalog, ident);
    return CatalogResponse.noContent();
  }

  static CatalogResponse commitTransaction(FloeCatalog catalog, CatalogRequest request) {
    CommitTransactionRequest body = RestJson.read(request.body(), CommitTransactionRequest.class);
    List<TableCommit> commits =
        body.tableChanges().stream()
            .map(
                change -> {
                  if (change.identifier() == null) {
                    throw new BadRequestException(
                        "Invalid table change: every change in a transaction needs an identifier");
                  }
                  return (TableCommit)
                      ImmutableTableCommit.builder()
                          .identifier(change.identifier())
                          .requirements(change.requirements())
                          .updates(change.updates())
                          .build();
                })
            .toList();
    catalog.commitTransaction(commits);
    return CatalogResponse.noContent();
  }

  private static SnapshotMode snapshotMode(CatalogRequest request) {
    String value = request.queryParam("snapshots").orElse("all");
    try {
      return SnapshotMode.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("Invalid snapshots mode: %s (expected all or refs)", value);
    }
  }

  private static CatalogResponse withETag(LoadTableResponse response, CatalogRequest request) {
    String location = response.metadataLocation();
    CatalogResponse ok = CatalogResponse.ok(response);
    return location == null ? ok : ok.withHeader("ETag", TableETag.of(location, snapshotMode(request)));
  }
}
