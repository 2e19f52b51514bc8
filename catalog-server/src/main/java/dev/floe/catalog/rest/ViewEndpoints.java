package dev.floe.catalog.rest;

import dev.floe.catalog.warehouse.FloeCatalog;
import java.util.Optional;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.rest.CatalogHandlers;
import org.apache.iceberg.rest.requests.CreateViewRequest;
import org.apache.iceberg.rest.requests.RegisterViewRequest;
import org.apache.iceberg.rest.requests.RenameTableRequest;
import org.apache.iceberg.rest.requests.UpdateTableRequest;

/** View routes, delegated to Iceberg's {@link CatalogHandlers}. */
final class ViewEndpoints {

  private ViewEndpoints() {}

  static CatalogResponse list(FloeCatalog catalog, CatalogRequest request) {
    Namespace namespace = Identifiers.namespace(request);
    Optional<Pagination> page = Pagination.from(request);
    return CatalogResponse.ok(
        page.isPresent()
            ? CatalogHandlers.listViews(
                catalog, namespace, page.get().pageToken(), page.get().pageSize())
            : CatalogHandlers.listViews(catalog, namespace));
  }

  static CatalogResponse create(FloeCatalog catalog, CatalogRequest request) {
    CreateViewRequest body = RestJson.read(request.body(), CreateViewRequest.class);
    return CatalogResponse.ok(
        CatalogHandlers.createView(catalog, Identifiers.namespace(request), body));
  }

  static CatalogResponse load(FloeCatalog catalog, CatalogRequest request) {
    return CatalogResponse.ok(
        CatalogHandlers.loadView(catalog, Identifiers.table(request, "view")));
  }

  static CatalogResponse exists(FloeCatalog catalog, CatalogRequest request) {
    CatalogHandlers.viewExists(catalog, Identifiers.table(request, "view"));
    return CatalogResponse.noContent();
  }

  static CatalogResponse update(FloeCatalog catalog, CatalogRequest request) {
    UpdateTableRequest body = RestJson.read(request.body(), UpdateTableRequest.class);
    return CatalogResponse.ok(
        CatalogHandlers.updateView(catalog, Identifiers.table(request, "view"), body));
  }

  static CatalogResponse drop(FloeCatalog catalog, CatalogRequest request) {
    CatalogHandlers.dropView(catalog, Identifiers.table(request, "view"));
    return CatalogResponse.noContent();
  }

  static CatalogResponse rename(FloeCatalog catalog, CatalogRequest request) {
    RenameTableRequest body = RestJson.read(request.body(), RenameTableRequest.class);
    CatalogHandlers.renameView(catalog, body);
    return CatalogResponse.noContent();
  }

  static CatalogResponse register(FloeCatalog catalog, CatalogRequest request) {
    RegisterViewRequest body = RestJson.read(request.body(), RegisterViewRequest.class);
    return CatalogResponse.ok(
        CatalogHandlers.registerView(catalog, Identifiers.namespace(request), body));
  }
}
