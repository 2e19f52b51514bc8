package dev.floe.bench;

import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.types.Types;

/** The table shape and properties every scenario uses, the same on both contenders. */
final class BenchTables {
  static final Schema SCHEMA =
      new Schema(
          Types.NestedField.required(1, "id", Types.LongType.get()),
          Types.NestedField.optional(2, "payload", Types.StringType.get()));

  /**
   * Format v3 (Floe's default, set explicitly so the reference writes the same). The client
   * retries a conflicting commit up to 20 times instead of 4, so eight writers on one table
   * measure throughput rather than how soon clients give up. The metadata log is kept whole so the
   * audit can count every commit that landed.
   */
  static final Map<String, String> PROPERTIES =
      Map.of(
          TableProperties.FORMAT_VERSION, "3",
          TableProperties.COMMIT_NUM_RETRIES, "20",
          TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "100000");

  private BenchTables() {}

  static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
    if (message.length() > 200) {
      message = message.substring(0, 200) + "…";
    }
    return root.getClass().getSimpleName() + ": " + message;
  }
}
