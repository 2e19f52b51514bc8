package dev.floe.catalog.rest;

import java.util.List;

/**
 * One permission a catalog request needs: any one of {@code actions} on {@code resource}. Most
 * routes name one action; loading a table accepts {@code s3tables:GetTable} (AIStor) or {@code
 * s3tables:GetTableMetadataLocation} (what S3 Tables policies grant readers).
 */
record Permission(List<String> actions, CatalogResource resource) {

  Permission {
    actions = List.copyOf(actions);
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("a permission needs an action");
    }
  }

  static Permission of(String action, CatalogResource resource) {
    return new Permission(List.of(action), resource);
  }

  static Permission anyOf(List<String> actions, CatalogResource resource) {
    return new Permission(actions, resource);
  }

  /** How a denial names it. */
  String describeActions() {
    return String.join(" or ", actions);
  }
}
