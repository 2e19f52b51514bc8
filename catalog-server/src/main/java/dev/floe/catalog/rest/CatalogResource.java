package dev.floe.catalog.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * What a catalog request acts on, as policies name it: a warehouse (the table bucket, which is also
 * the resource of namespace-level actions, as in S3 Tables), or a table or view by name. A
 * multi-level namespace is written with its levels joined by {@code .}, in ARNs and in {@code
 * s3tables:namespace}.
 *
 * @param entry whether the ARN names the table or view itself rather than its warehouse
 * @param nameKey the condition key that carries {@code name}: {@code s3tables:tableName} or, as in
 *     AIStor, {@code s3tables:viewName}; null for a table known by its uuid only
 * @param arnPart {@code table} or {@code view}: the kind of entry in an entry ARN
 */
record CatalogResource(
    String warehouse, Namespace namespace, String name, boolean entry, String nameKey, String arnPart) {
  private static final String ARN_PREFIX = "arn:aws:s3tables:::bucket/";
  private static final String TABLE_NAME = "s3tables:tableName";
  private static final String VIEW_NAME = "s3tables:viewName";

  /** Every warehouse: the resource of listing them. */
  static CatalogResource allWarehouses() {
    return warehouse("*");
  }

  static CatalogResource warehouse(String warehouse) {
    return namespace(warehouse, Namespace.empty());
  }

  /** The warehouse, with the namespace an action concerns as its condition key. */
  static CatalogResource namespace(String warehouse, Namespace namespace) {
    return new CatalogResource(warehouse, namespace, null, false, TABLE_NAME, "table");
  }

  /**
   * The warehouse, for an action that brings a table into being: it has no ARN of its own yet (as
   * in S3 Tables), so its namespace and name are condition keys.
   */
  static CatalogResource newTable(String warehouse, TableIdentifier ident) {
    return new CatalogResource(warehouse, ident.namespace(), ident.name(), false, TABLE_NAME, "table");
  }

  static CatalogResource newView(String warehouse, TableIdentifier ident) {
    return new CatalogResource(warehouse, ident.namespace(), ident.name(), false, VIEW_NAME, "view");
  }

  static CatalogResource table(String warehouse, TableIdentifier ident) {
    return new CatalogResource(warehouse, ident.namespace(), ident.name(), true, TABLE_NAME, "table");
  }

  /**
   * A table by its uuid alone, as its files name it (their keys start with {@code <uuid>/}); the
   * ARN is {@code …/table/<uuid>}, the ARN S3 Tables and Floe authorize table data on.
   */
  static CatalogResource tableByUuid(String warehouse, String uuid) {
    return new CatalogResource(warehouse, Namespace.empty(), uuid, true, null, "table");
  }

  static CatalogResource view(String warehouse, TableIdentifier ident) {
    return new CatalogResource(warehouse, ident.namespace(), ident.name(), true, VIEW_NAME, "view");
  }

  /** Whether this resource names a table by uuid only, so it has no name ARN to look up. */
  boolean byUuid() {
    return entry && nameKey == null;
  }

  boolean isView() {
    return VIEW_NAME.equals(nameKey);
  }

  TableIdentifier identifier() {
    return TableIdentifier.of(namespace, name);
  }

  /** The ARN by name: {@code bucket/<warehouse>}, or {@code …/table/<ns>/<name>} ({@code view/}). */
  String arn() {
    if (byUuid()) {
      return arnByUuid(name);
    }
    return entry ? entryArnPrefix() + namespaceName(namespace) + "/" + name : ARN_PREFIX + warehouse;
  }

  /** The same table or view by its uuid: {@code …/table/<uuid>} ({@code view/}). */
  String arnByUuid(String uuid) {
    return entryArnPrefix() + uuid;
  }

  private String entryArnPrefix() {
    return ARN_PREFIX + warehouse + "/" + arnPart + "/";
  }

  /** The {@code s3tables:} condition keys of this resource. */
  Map<String, List<String>> conditionKeys() {
    Map<String, List<String>> keys = new HashMap<>();
    if (!namespace.isEmpty()) {
      keys.put("s3tables:namespace", List.of(namespaceName(namespace)));
    }
    if (name != null && nameKey != null) {
      keys.put(nameKey, List.of(name));
    }
    return keys;
  }

  static String namespaceName(Namespace namespace) {
    return String.join(".", namespace.levels());
  }
}
