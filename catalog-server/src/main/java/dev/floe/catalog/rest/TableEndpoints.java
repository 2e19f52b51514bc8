package dev.floe.catalog.rest;

import dev.floe.catalog.warehouse.CommitKey;
import dev.floe.catalog.warehouse.FloeCatalog;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.Table;
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
  private static final SerializedLoads LOADED = new SerializedLoads();

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
   * A create under an Idempotency-Key, which the new table's pointer records with its first
   * version. A stage-create writes nothing, so it needs no key.
   */
  static CatalogResponse create(FloeCatalog catalog, CatalogRequest request, CommitKey key) {
    Namespace namespace = Identifiers.namespace(request);
    CreateTableRequest body = RestJson.read(request.body(), CreateTableRequest.class);
    if (body.stageCreate()) {
      return withETag(stageCreate(catalog, namespace, body), request);
    }
    Table table =
        catalog
            .buildTable(TableIdentifier.of(namespace, body.name()), body.schema(), key)
            .withLocation(body.location())
            .withPartitionSpec(body.spec())
            .withSortOrder(body.writeOrder())
            .withProperties(body.properties())
            .create();
    return committed(catalog, ((HasTableOperations) table).operations().current(), request);
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

  /**
   * loadTable from the table's pointer alone: the metadata file it names never changes, so the
   * ETag, the metadata and — for a plain request — the serialized answer all follow from its
   * location. A request asking for access delegation gets a {@link LoadTableResponse} body, to
   * which its credentials are added.
   */
  static CatalogResponse load(FloeCatalog catalog, CatalogRequest request) {
    TableIdentifier ident = Identifiers.table(request, "table");
    SnapshotMode mode = snapshotMode(request);
    Optional<String> location =
        request
            .tables()
            .pointer(catalog, request.pathVariable("prefix"), ident)
            .map(FloeCatalog.TablePointer::metadataLocation);
    if (location.isEmpty()) {
      // not a table (perhaps a metadata table's name): Iceberg's handler gives the right error
      return withETag(CatalogHandlers.loadTable(catalog, ident, mode), request);
    }
    String etag = TableETag.of(location.get(), mode);
    Optional<String> ifNoneMatch = request.header("If-None-Match");
    if (ifNoneMatch.isPresent() && TableETag.matches(ifNoneMatch.get(), etag)) {
      return CatalogResponse.notModified(etag);
    }
    TableMetadata metadata = catalog.tableMetadata(location.get());
    Object body =
        request.header(AccessDelegation.HEADER).isPresent()
            ? loadResponse(metadata, mode)
            : LOADED.serialized(
                location.get(), mode, () -> serialized(loadResponse(metadata, mode)));
    return CatalogResponse.ok(body).withHeader("ETag", etag);
  }

  /** What loadTable answers for {@code metadata}, as Iceberg's {@link CatalogHandlers} does. */
  private static LoadTableResponse loadResponse(TableMetadata metadata, SnapshotMode mode) {
    TableMetadata answered =
        mode == SnapshotMode.REFS
            ? TableMetadata.buildFrom(metadata)
                .withMetadataLocation(metadata.metadataFileLocation())
                .suppressHistoricalSnapshots()
                .build()
            : metadata;
    return LoadTableResponse.builder().withTableMetadata(answered).build();
  }

  static CatalogResponse exists(FloeCatalog catalog, CatalogRequest request) {
    CatalogHandlers.tableExists(catalog, Identifiers.table(request, "table"));
    return CatalogResponse.noContent();
  }

  static CatalogResponse update(FloeCatalog catalog, CatalogRequest request) {
    UpdateTableRequest body = updateRequest(request);
    TableMetadata metadata =
        catalog.commitTable(
            Identifiers.table(request, "table"), body.requirements(), body.updates());
    return committed(catalog, metadata, request);
  }

  /**
   * A table commit under an Idempotency-Key, which the table's pointer records with the commit
   * itself (see {@link FloeCatalog#commitTable(TableIdentifier, List, List, CommitKey)}).
   */
  static CatalogResponse update(FloeCatalog catalog, CatalogRequest request, CommitKey key) {
    UpdateTableRequest body = updateRequest(request);
    TableMetadata metadata =
        catalog.commitTable(
            Identifiers.table(request, "table"), body.requirements(), body.updates(), key);
    return committed(catalog, metadata, request);
  }

  /**
   * What a table commit or keyed create answers once {@code metadata} is current, first time or
   * replayed: the full metadata. Kept as the table's serialized loadTable answer too, which the
   * committing client usually asks for next; built from the JSON just written to the metadata
   * file when this instance wrote it.
   */
  static CatalogResponse committed(
      FloeCatalog catalog, TableMetadata metadata, CatalogRequest request) {
    String location = metadata.metadataFileLocation();
    RestJson.Serialized body =
        LOADED.serialized(
            location,
            SnapshotMode.ALL,
            () ->
                catalog
                    .writtenMetadataJson(location)
                    .map(json -> RestJson.loadTableResponse(location, json))
                    .orElseGet(() -> serialized(loadResponse(metadata, SnapshotMode.ALL))));
    return CatalogResponse.ok(body).withHeader("ETag", TableETag.of(location, SnapshotMode.ALL));
  }

  private static RestJson.Serialized serialized(LoadTableResponse response) {
    return new RestJson.Serialized(RestJson.write(response));
  }

  private static UpdateTableRequest updateRequest(CatalogRequest request) {
    TableIdentifier ident = Identifiers.table(request, "table");
    UpdateTableRequest body = RestJson.read(request.body(), UpdateTableRequest.class);
    if (body.identifier() != null && !body.identifier().equals(ident)) {
      throw new BadRequestException(
          "Identifier in the body (%s) does not match the path (%s)", body.identifier(), ident);
    }
    return body;
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

  /**
   * Serialized loadTable answers by metadata location and snapshot mode: both never change under
   * that key, and serializing a long table history costs more than the pointer read before it.
   * Bounded by the bytes it holds.
   */
  private static final class SerializedLoads {
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private final LinkedHashMap<String, RestJson.Serialized> entries =
        new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    RestJson.Serialized serialized(
        String location, SnapshotMode mode, Supplier<RestJson.Serialized> response) {
      String key = mode.name() + ' ' + location;
      synchronized (this) {
        RestJson.Serialized known = entries.get(key);
        if (known != null) {
          return known;
        }
      }
      RestJson.Serialized fresh = response.get();
      synchronized (this) {
        RestJson.Serialized previous = entries.put(key, fresh);
        bytes += fresh.json().length - (previous == null ? 0 : previous.json().length);
        Iterator<RestJson.Serialized> eldest = entries.values().iterator();
        while (bytes > MAX_BYTES && eldest.hasNext()) {
          bytes -= eldest.next().json().length;
          eldest.remove();
        }
      }
      return fresh;
    }
  }
}
