package dev.floe.catalog.rest;

import dev.floe.catalog.rest.WarehouseMessages.CreateWarehouseRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.iceberg.UpdateRequirement;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.requests.CommitTransactionRequest;
import org.apache.iceberg.rest.requests.CreateNamespaceRequest;
import org.apache.iceberg.rest.requests.CreateTableRequest;
import org.apache.iceberg.rest.requests.CreateViewRequest;
import org.apache.iceberg.rest.requests.RegisterTableRequest;
import org.apache.iceberg.rest.requests.RegisterViewRequest;
import org.apache.iceberg.rest.requests.RemoteSignRequest;
import org.apache.iceberg.rest.requests.RenameTableRequest;
import org.apache.iceberg.rest.requests.UpdateTableRequest;

/**
 * The permissions every catalog route needs: the one table of route → {@code s3tables:} action(s)
 * → resource, published in {@code docs/authorization.md}. Actions are AWS S3 Tables' names;
 * {@code UpdateNamespaceProperties}, {@code RegisterTable} and the view actions are Floe's (and
 * AIStor's) extensions for what AWS lacks.
 *
 * <p>A route that creates a table or view is checked on its warehouse with the new name as
 * condition keys (it has no ARN yet); every other table or view route on the table's own ARN.
 * List routes are not filtered per entry, as in S3 Tables: {@code ListTables} on the namespace is
 * the permission to see every name in it. The routes that hand out access to a table's files
 * (credentials, remote signing) need {@code s3tables:GetTableData} to read and {@code
 * PutTableData} to write, as S3 Tables asks of direct access.
 */
final class RouteAuthorization {
  private static final String GET_TABLE = "s3tables:GetTable";
  private static final String GET_TABLE_METADATA_LOCATION = "s3tables:GetTableMetadataLocation";
  private static final List<String> READ_TABLE = List.of(GET_TABLE, GET_TABLE_METADATA_LOCATION);
  private static final List<String> TABLE_DATA =
      List.of(TableDataAccess.GET_TABLE_DATA, TableDataAccess.PUT_TABLE_DATA);

  private static final Map<Route, Function<CatalogRequest, List<Permission>>> PERMISSIONS =
      new EnumMap<>(Route.class);

  static {
    PERMISSIONS.put(Route.CONFIG, RouteAuthorization::config);
    PERMISSIONS.put(
        Route.LIST_WAREHOUSES,
        r -> one("s3tables:ListTableBuckets", CatalogResource.allWarehouses()));
    PERMISSIONS.put(
        Route.CREATE_WAREHOUSE,
        r ->
            one(
                "s3tables:CreateTableBucket",
                CatalogResource.warehouse(
                    RestJson.read(r.body(), CreateWarehouseRequest.class).name())));
    PERMISSIONS.put(Route.GET_WAREHOUSE, r -> one("s3tables:GetTableBucket", namedWarehouse(r)));
    PERMISSIONS.put(Route.DELETE_WAREHOUSE, r -> one("s3tables:DeleteTableBucket", namedWarehouse(r)));

    PERMISSIONS.put(
        Route.LIST_NAMESPACES,
        r ->
            one(
                "s3tables:ListNamespaces",
                CatalogResource.namespace(warehouse(r), Identifiers.parent(r))));
    PERMISSIONS.put(
        Route.CREATE_NAMESPACE,
        r ->
            one(
                "s3tables:CreateNamespace",
                CatalogResource.namespace(
                    warehouse(r),
                    RestJson.read(r.body(), CreateNamespaceRequest.class).namespace())));
    PERMISSIONS.put(Route.LOAD_NAMESPACE, r -> one("s3tables:GetNamespace", namespace(r)));
    PERMISSIONS.put(Route.NAMESPACE_EXISTS, r -> one("s3tables:GetNamespace", namespace(r)));
    PERMISSIONS.put(Route.DROP_NAMESPACE, r -> one("s3tables:DeleteNamespace", namespace(r)));
    PERMISSIONS.put(Route.UPDATE_NAMESPACE, r -> one("s3tables:UpdateNamespaceProperties", namespace(r)));

    PERMISSIONS.put(Route.LIST_TABLES, r -> one("s3tables:ListTables", namespace(r)));
    PERMISSIONS.put(
        Route.CREATE_TABLE,
        r ->
            one(
                "s3tables:CreateTable",
                CatalogResource.newTable(
                    warehouse(r),
                    inNamespace(r, RestJson.read(r.body(), CreateTableRequest.class).name()))));
    PERMISSIONS.put(Route.LOAD_TABLE, r -> List.of(Permission.anyOf(READ_TABLE, table(r))));
    PERMISSIONS.put(Route.TABLE_EXISTS, r -> List.of(Permission.anyOf(READ_TABLE, table(r))));
    PERMISSIONS.put(
        Route.UPDATE_TABLE,
        r ->
            List.of(
                commit(warehouse(r), tableIdentifier(r), RestJson.read(r.body(), UpdateTableRequest.class))));
    PERMISSIONS.put(Route.DROP_TABLE, r -> one("s3tables:DeleteTable", table(r)));
    PERMISSIONS.put(Route.RENAME_TABLE, RouteAuthorization::renameTable);
    PERMISSIONS.put(
        Route.REGISTER_TABLE,
        r ->
            one(
                "s3tables:RegisterTable",
                CatalogResource.newTable(
                    warehouse(r),
                    inNamespace(r, RestJson.read(r.body(), RegisterTableRequest.class).name()))));
    PERMISSIONS.put(Route.REPORT_METRICS, r -> List.of(Permission.anyOf(READ_TABLE, table(r))));
    PERMISSIONS.put(Route.COMMIT_TRANSACTION, RouteAuthorization::commitTransaction);
    PERMISSIONS.put(Route.LOAD_CREDENTIALS, r -> List.of(Permission.anyOf(TABLE_DATA, table(r))));
    PERMISSIONS.put(
        Route.SIGN_TABLE_REQUEST, r -> one(fileRequest(r).dataAction(), table(r)));
    PERMISSIONS.put(Route.SIGN_S3_REQUEST, RouteAuthorization::signS3Request);

    PERMISSIONS.put(Route.LIST_VIEWS, r -> one("s3tables:ListViews", namespace(r)));
    PERMISSIONS.put(
        Route.CREATE_VIEW,
        r ->
            one(
                "s3tables:CreateView",
                CatalogResource.newView(
                    warehouse(r),
                    inNamespace(r, RestJson.read(r.body(), CreateViewRequest.class).name()))));
    PERMISSIONS.put(Route.LOAD_VIEW, r -> one("s3tables:GetView", view(r)));
    PERMISSIONS.put(Route.VIEW_EXISTS, r -> one("s3tables:GetView", view(r)));
    PERMISSIONS.put(Route.UPDATE_VIEW, r -> one("s3tables:UpdateView", view(r)));
    PERMISSIONS.put(Route.DROP_VIEW, r -> one("s3tables:DeleteView", view(r)));
    PERMISSIONS.put(Route.RENAME_VIEW, RouteAuthorization::renameView);
    PERMISSIONS.put(
        Route.REGISTER_VIEW,
        r ->
            one(
                "s3tables:RegisterView",
                CatalogResource.newView(
                    warehouse(r),
                    inNamespace(r, RestJson.read(r.body(), RegisterViewRequest.class).name()))));
  }

  private RouteAuthorization() {}

  /** Refuses to serve a catalog in which some route could be reached without a permission. */
  static void requireEveryRouteMapped() {
    for (Route route : Route.values()) {
      if (!PERMISSIONS.containsKey(route)) {
        throw new IllegalStateException("No authorization mapping for catalog route " + route);
      }
    }
  }

  /** What {@code request} needs; all of it must be allowed. */
  static List<Permission> permissionsFor(CatalogRequest request) {
    return PERMISSIONS.get(request.route()).apply(request);
  }

  /**
   * Config needs the warehouse it describes; without one it is refused as a bad request, which
   * tells nobody anything.
   */
  private static List<Permission> config(CatalogRequest request) {
    return request
        .queryParam("warehouse")
        .map(ConfigEndpoint::warehouseName)
        .map(name -> one("s3tables:GetTableBucket", CatalogResource.warehouse(name)))
        .orElse(List.of());
  }

  /**
   * A commit that creates its table (a staged create: its requirements assert that the table does
   * not exist) is a CreateTable; any other is an UpdateTableMetadataLocation on the table.
   */
  private static Permission commit(String warehouse, TableIdentifier ident, UpdateTableRequest body) {
    boolean creates =
        body.requirements().stream().anyMatch(UpdateRequirement.AssertTableDoesNotExist.class::isInstance);
    return creates
        ? Permission.of("s3tables:CreateTable", CatalogResource.newTable(warehouse, ident))
        : Permission.of("s3tables:UpdateTableMetadataLocation", CatalogResource.table(warehouse, ident));
  }

  private static List<Permission> commitTransaction(CatalogRequest request) {
    CommitTransactionRequest body = RestJson.read(request.body(), CommitTransactionRequest.class);
    List<Permission> permissions = new ArrayList<>();
    for (UpdateTableRequest change : body.tableChanges()) {
      permissions.add(commit(warehouse(request), change.identifier(), change));
    }
    return permissions;
  }

  /**
   * Signing by location names no table in its path: the request to sign addresses the table by
   * its files' {@code <uuid>/} prefix, so the data action is asked on the table's ARN by uuid.
   */
  private static List<Permission> signS3Request(CatalogRequest request) {
    TableFileRequest target = fileRequest(request);
    String uuid = TableDataEndpoints.requireTableFile(target);
    return one(target.dataAction(), CatalogResource.tableByUuid(target.bucket(), uuid));
  }

  private static TableFileRequest fileRequest(CatalogRequest request) {
    return TableFileRequest.of(RestJson.read(request.body(), RemoteSignRequest.class));
  }

  /** Renaming moves a name: the source must be renamable and the destination creatable. */
  private static List<Permission> renameTable(CatalogRequest request) {
    RenameTableRequest body = RestJson.read(request.body(), RenameTableRequest.class);
    return List.of(
        Permission.of("s3tables:RenameTable", CatalogResource.table(warehouse(request), body.source())),
        Permission.of(
            "s3tables:CreateTable", CatalogResource.newTable(warehouse(request), body.destination())));
  }

  private static List<Permission> renameView(CatalogRequest request) {
    RenameTableRequest body = RestJson.read(request.body(), RenameTableRequest.class);
    return List.of(
        Permission.of("s3tables:RenameView", CatalogResource.view(warehouse(request), body.source())),
        Permission.of(
            "s3tables:CreateView", CatalogResource.newView(warehouse(request), body.destination())));
  }

  private static List<Permission> one(String action, CatalogResource resource) {
    return List.of(Permission.of(action, resource));
  }

  private static String warehouse(CatalogRequest request) {
    return request.pathVariable("prefix");
  }

  private static CatalogResource namedWarehouse(CatalogRequest request) {
    return CatalogResource.warehouse(request.pathVariable("warehouse"));
  }

  private static CatalogResource namespace(CatalogRequest request) {
    return CatalogResource.namespace(warehouse(request), Identifiers.namespace(request));
  }

  private static TableIdentifier inNamespace(CatalogRequest request, String name) {
    return TableIdentifier.of(Identifiers.namespace(request), name);
  }

  private static TableIdentifier tableIdentifier(CatalogRequest request) {
    return Identifiers.table(request, "table");
  }

  private static CatalogResource table(CatalogRequest request) {
    return CatalogResource.table(warehouse(request), tableIdentifier(request));
  }

  private static CatalogResource view(CatalogRequest request) {
    return CatalogResource.view(warehouse(request), Identifiers.table(request, "view"));
  }
}
