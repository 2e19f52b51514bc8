package dev.floe.catalog.rest;

import dev.floe.catalog.warehouse.FloeCatalog;
import dev.floe.catalog.warehouse.Warehouses;
import java.time.Duration;

/** Sends each routed request to the endpoint that serves it. */
final class CatalogDispatcher {
  private final Warehouses warehouses;
  private final Duration idempotencyLifetime;
  private final AccessDelegation delegation;
  private final TableDataEndpoints tableData;

  CatalogDispatcher(Warehouses warehouses, Duration idempotencyLifetime, TableDataAccess access) {
    this.warehouses = warehouses;
    this.idempotencyLifetime = idempotencyLifetime;
    this.delegation = new AccessDelegation(access);
    this.tableData = new TableDataEndpoints(access);
  }

  CatalogResponse dispatch(CatalogRequest request) {
    return switch (request.route()) {
      case CONFIG -> ConfigEndpoint.config(warehouses, request, idempotencyLifetime);
      case LIST_WAREHOUSES -> WarehouseEndpoints.list(warehouses, request);
      case CREATE_WAREHOUSE -> WarehouseEndpoints.create(warehouses, request);
      case GET_WAREHOUSE -> WarehouseEndpoints.get(warehouses, request);
      case DELETE_WAREHOUSE -> WarehouseEndpoints.delete(warehouses, request);
      case SIGN_S3_REQUEST -> tableData.signForLocation(warehouses, request);
      default -> dispatchInWarehouse(catalogOf(request), request);
    };
  }

  private FloeCatalog catalogOf(CatalogRequest request) {
    return warehouses.catalog(request.pathVariable("prefix"));
  }

  private CatalogResponse dispatchInWarehouse(FloeCatalog catalog, CatalogRequest request) {
    return switch (request.route()) {
      case LIST_NAMESPACES -> NamespaceEndpoints.list(catalog, request);
      case CREATE_NAMESPACE -> NamespaceEndpoints.create(catalog, request);
      case LOAD_NAMESPACE -> NamespaceEndpoints.load(catalog, request);
      case NAMESPACE_EXISTS -> NamespaceEndpoints.exists(catalog, request);
      case DROP_NAMESPACE -> NamespaceEndpoints.drop(catalog, request);
      case UPDATE_NAMESPACE -> NamespaceEndpoints.updateProperties(catalog, request);
      case LIST_TABLES -> TableEndpoints.list(catalog, request);
      case CREATE_TABLE -> delegation.apply(request, TableEndpoints.create(catalog, request));
      case LOAD_TABLE -> delegation.apply(request, TableEndpoints.load(catalog, request));
      case TABLE_EXISTS -> TableEndpoints.exists(catalog, request);
      case UPDATE_TABLE -> TableEndpoints.update(catalog, request);
      case DROP_TABLE -> TableEndpoints.drop(catalog, request);
      case RENAME_TABLE -> TableEndpoints.rename(catalog, request);
      case REGISTER_TABLE -> TableEndpoints.register(catalog, request);
      case REPORT_METRICS -> TableEndpoints.reportMetrics(catalog, request);
      case COMMIT_TRANSACTION -> TableEndpoints.commitTransaction(catalog, request);
      case LOAD_CREDENTIALS -> tableData.credentials(catalog, request);
      case SIGN_TABLE_REQUEST -> tableData.signForTable(catalog, request);
      case LIST_VIEWS -> ViewEndpoints.list(catalog, request);
      case CREATE_VIEW -> ViewEndpoints.create(catalog, request);
      case LOAD_VIEW -> ViewEndpoints.load(catalog, request);
      case VIEW_EXISTS -> ViewEndpoints.exists(catalog, request);
      case UPDATE_VIEW -> ViewEndpoints.update(catalog, request);
      case DROP_VIEW -> ViewEndpoints.drop(catalog, request);
      case RENAME_VIEW -> ViewEndpoints.rename(catalog, request);
      case REGISTER_VIEW -> ViewEndpoints.register(catalog, request);
      case CONFIG, LIST_WAREHOUSES, CREATE_WAREHOUSE, GET_WAREHOUSE, DELETE_WAREHOUSE, SIGN_S3_REQUEST ->
          throw new IllegalStateException("Not a warehouse route: " + request.route());
    };
  }
}
