package dev.floe.integrity;

import java.util.Optional;

/**
 * Table metadata files ({@code *.metadata.json}) and Hadoop-style {@code version-hint.text} are
 * written only by the catalog as part of a commit; one written through S3 would be a table state
 * no commit check has seen.
 */
final class MetadataPointerRule implements GuardRule {

  @Override
  public String name() {
    return "metadata-files";
  }

  @Override
  public Optional<GuardRefusal> evaluate(
      GuardedAccess access, BucketRole role, TableLocationIndex tables) {
    if (access.kind() != AccessKind.CREATE_OBJECT) {
      return Optional.empty();
    }
    String file = access.fileName();
    if (!file.endsWith(".metadata.json") && !file.equals("version-hint.text")) {
      return Optional.empty();
    }
    return refuse(
        "table metadata ("
            + file
            + ") is written only by the catalog when it accepts a commit; commit through the"
            + " Iceberg REST catalog (/_iceberg).");
  }
}
