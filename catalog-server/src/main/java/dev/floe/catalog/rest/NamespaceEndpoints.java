package dev.floe.catalog.rest;

import dev.floe.catalog.warehouse.FloeCatalog;
import java.util.Optional;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.rest.CatalogHandlers;
import org.apache.iceberg.rest.requests.CreateNamespaceRequest;
import org.apache.iceberg.rest.requests.UpdateNamespacePropertiesRequest;

/** Namespace routes, delegated to Iceberg's {@link CatalogHandlers}. */
final class NamespaceEndpoints {

  private NamespaceEndpoints() {}

  static CatalogResponse list(FloeCatalog catalog, CatalogRequest request) {
    Namespace parent = Identifiers.parent(request);
    Optional<Pagination> page = Pagination.from(request);
    return CatalogResponse.ok(
        page.isPresent()
            ? CatalogHandlers.listNamespaces(
                catalog, parent, page.get().pageToken(), page.get().pageSize())
            : CatalogHandlers.listNamespaces(catalog, parent));
  }

  static CatalogResponse create(FloeCatalog catalog, CatalogRequest request) {
    CreateNamespaceRequest body = RestJson.read(request.body(), CreateNamespaceRequest.class);
    return CatalogResponse.ok(CatalogHandlers.createNamespace(catalog, body));
  }

  static CatalogResponse load(FloeCatalog catalog, CatalogRequest request) {
    return CatalogResponse.ok(
        CatalogHandlers.loadNamespace(catalog, Identifiers.namespace(request)));
  }

  static CatalogResponse exists(FloeCatalog catalog, CatalogRequest request) {
    CatalogHandlers.namespaceExists(catalog, Identifiers.namespace(request));
    return CatalogResponse.noContent();
  }

  static CatalogResponse drop(FloeCatalog catalog, CatalogRequest request) {
    CatalogHandlers.dropNamespace(catalog, Identifiers.namespace(request));
    return CatalogResponse.noContent();
  }

  static CatalogResponse updateProperties(FloeCatalog catalog, CatalogRequest request) {
    UpdateNamespacePropertiesRequest body =
        RestJson.read(request.body(), UpdateNamespacePropertiesRequest.class);
    return CatalogResponse.ok(
        CatalogHandlers.updateNamespaceProperties(catalog, Identifiers.namespace(request), body));
  }
}
