package dev.floe.integrity;

import java.util.Optional;

/**
 * Keys with {@code .} or {@code ..} segments, empty segments or backslashes are refused in
 * warehouse buckets. S3 treats them as literal keys, but a file-system backed store may resolve
 * them as paths, which would reach a protected key under another name. No Iceberg writer produces
 * such keys.
 */
final class KeyShapeRule implements GuardRule {

  @Override
  public String name() {
    return "key-shape";
  }

  @Override
  public Optional<GuardRefusal> evaluate(
      GuardedAccess access, BucketRole role, TableLocationIndex tables) {
    if (!access.hasKey() || isPlain(access.key())) {
      return Optional.empty();
    }
    return refuse(
        "keys in warehouse bucket "
            + access.bucket()
            + " may not contain '.' or '..' segments, empty segments or backslashes.");
  }

  private static boolean isPlain(String key) {
    if (key.indexOf('\\') >= 0) {
      return false;
    }
    String[] segments = key.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean trailingFolderMarker = i == segments.length - 1 && i > 0 && segment.isEmpty();
      if ((segment.isEmpty() && !trailingFolderMarker)
          || segment.equals(".")
          || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }
}
