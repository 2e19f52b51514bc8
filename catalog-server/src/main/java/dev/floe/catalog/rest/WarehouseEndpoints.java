package dev.floe.catalog.rest;

import dev.floe.catalog.rest.WarehouseMessages.CreateWarehouseRequest;
import dev.floe.catalog.rest.WarehouseMessages.ListWarehousesResponse;
import dev.floe.catalog.rest.WarehouseMessages.WarehouseResponse;
import dev.floe.catalog.warehouse.Warehouses;
import java.util.List;
import java.util.Optional;

/** The warehouse API: one warehouse per bucket, managed like MinIO AIStor's. */
final class WarehouseEndpoints {

  private WarehouseEndpoints() {}

  static CatalogResponse list(Warehouses warehouses, CatalogRequest request) {
    List<WarehouseResponse> all =
        warehouses.list().stream().map(WarehouseResponse::of).toList();
    Optional<Pagination> page = Pagination.from(request);
    if (page.isEmpty()) {
      return CatalogResponse.ok(new ListWarehousesResponse(all, null));
    }
    return CatalogResponse.ok(
        new ListWarehousesResponse(page.get().page(all), page.get().nextToken(all)));
  }

  static CatalogResponse create(Warehouses warehouses, CatalogRequest request) {
    CreateWarehouseRequest body = RestJson.read(request.body(), CreateWarehouseRequest.class);
    return CatalogResponse.ok(
        WarehouseResponse.of(warehouses.create(body.name(), body.upgrade())));
  }

  static CatalogResponse get(Warehouses warehouses, CatalogRequest request) {
    return CatalogResponse.ok(
        WarehouseResponse.of(warehouses.get(request.pathVariable("warehouse"))));
  }

  static CatalogResponse delete(Warehouses warehouses, CatalogRequest request) {
    boolean purge = request.queryParam("purge").map(Boolean::parseBoolean).orElse(false);
    warehouses.delete(request.pathVariable("warehouse"), purge);
    return CatalogResponse.noContent();
  }
}
