package dev.floe.catalog.rest;

import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.BadRequestException;

/** Namespaces and table identifiers from decoded path variables and query parameters. */
final class Identifiers {
  /** The REST spec's default namespace separator, already percent-decoded. */
  static final String NAMESPACE_SEPARATOR = "\u001f";

  private Identifiers() {}

  static Namespace namespace(String decoded) {
    if (decoded == null || decoded.isEmpty()) {
      throw new BadRequestException("Invalid namespace: empty");
    }
    return Namespace.of(decoded.split(NAMESPACE_SEPARATOR, -1));
  }

  static Namespace namespace(CatalogRequest request) {
    return namespace(request.pathVariable("namespace"));
  }

  static TableIdentifier table(CatalogRequest request, String variable) {
    String name = request.pathVariable(variable);
    if (name == null || name.isEmpty()) {
      throw new BadRequestException("Invalid %s name: empty", variable);
    }
    return TableIdentifier.of(namespace(request), name);
  }

  static Namespace parent(CatalogRequest request) {
    return request.queryParam("parent").map(Identifiers::namespace).orElse(Namespace.empty());
  }
}
