package dev.floe.integrity;

import java.util.Optional;

/**
 * A warehouse bucket's existence and configuration belong to the catalog: deleting it, or adding a
 * lifecycle rule, object lock, policy, replication or versioning change, could remove or pin table
 * files behind the catalog's back. Refused for every caller, root included.
 */
final class BucketConfigurationRule implements GuardRule {

  @Override
  public String name() {
    return "bucket-configuration";
  }

  @Override
  public Optional<GuardRefusal> evaluate(
      GuardedAccess access, BucketRole role, TableLocationIndex tables) {
    return switch (access.kind()) {
      case DELETE_BUCKET ->
          refuse(
              "warehouse bucket "
                  + access.bucket()
                  + " cannot be deleted through the S3 API; delete the warehouse through the"
                  + " catalog (DELETE /_iceberg/v1/warehouses/"
                  + access.bucket()
                  + ").");
      case CONFIGURE_BUCKET ->
          refuse(
              "the configuration of warehouse bucket "
                  + access.bucket()
                  + " (lifecycle, object lock, policy, versioning, replication, …) is managed by"
                  + " Floe; table file retention is set through the catalog's maintenance settings"
                  + " (snapshot expiry, unreferenced-file removal).");
      default -> Optional.empty();
    };
  }
}
