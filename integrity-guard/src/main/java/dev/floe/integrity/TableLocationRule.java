package dev.floe.integrity;

import java.util.Optional;

/**
 * Objects are created in a warehouse bucket only under the location of a table the catalog knows
 * ({@code <table-uuid>/}); anything else would be a file no table owns and no maintenance removes.
 */
final class TableLocationRule implements GuardRule {

  @Override
  public String name() {
    return "table-location";
  }

  @Override
  public Optional<GuardRefusal> evaluate(
      GuardedAccess access, BucketRole role, TableLocationIndex tables) {
    if (access.kind() != AccessKind.CREATE_OBJECT && access.kind() != AccessKind.ABORT_UPLOAD) {
      return Optional.empty();
    }
    if (access.hasKey() && tables.owningTable(access.bucket(), access.key()).isPresent()) {
      return Optional.empty();
    }
    return refuse(
        "key "
            + access.key()
            + " is outside every table location in warehouse bucket "
            + access.bucket()
            + "; table files are written under the location the catalog assigned"
            + " (s3://"
            + access.bucket()
            + "/<table-uuid>/).");
  }
}
