package dev.floe.integrity;

import java.util.Optional;

/**
 * The catalog's own objects under {@code .floe/} (names, table pointers, transaction records) are
 * neither read nor written through S3: a pointer written around the catalog would bypass every
 * commit check, and the names reveal what a caller may not be allowed to list.
 */
final class CatalogStateRule implements GuardRule {

  static final String CATALOG_PREFIX = ".floe/";

  @Override
  public String name() {
    return "catalog-state";
  }

  @Override
  public Optional<GuardRefusal> evaluate(
      GuardedAccess access, BucketRole role, TableLocationIndex tables) {
    if (!access.key().startsWith(CATALOG_PREFIX) && !access.key().equals(".floe")) {
      return Optional.empty();
    }
    return refuse(
        "objects under .floe/ in warehouse bucket "
            + access.bucket()
            + " are the catalog's own state; use the Iceberg REST catalog (/_iceberg) instead.");
  }
}
