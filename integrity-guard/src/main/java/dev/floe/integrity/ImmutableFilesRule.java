package dev.floe.integrity;

import java.util.Optional;

/**
 * Table files are immutable once written: no ACL, tag, retention or legal-hold change, which could
 * expose a file, feed a tag-based lifecycle rule or keep the catalog from removing it.
 */
final class ImmutableFilesRule implements GuardRule {

  @Override
  public String name() {
    return "immutable-files";
  }

  @Override
  public Optional<GuardRefusal> evaluate(
      GuardedAccess access, BucketRole role, TableLocationIndex tables) {
    if (access.kind() != AccessKind.MODIFY_OBJECT) {
      return Optional.empty();
    }
    return refuse(
        "objects in warehouse bucket "
            + access.bucket()
            + " are immutable: their ACL, tags, retention and legal hold cannot be changed.");
  }
}
