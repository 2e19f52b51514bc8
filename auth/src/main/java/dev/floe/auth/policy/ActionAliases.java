package dev.floe.auth.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MinIO AIStor names S3 Tables' table-bucket actions after warehouses ({@code
 * s3tables:CreateWarehouse} for {@code s3tables:CreateTableBucket}) and treats both spellings as
 * one action. Floe does the same in both directions: a policy naming either spelling governs a
 * request for either, also through wildcards ({@code s3tables:*Warehouse*} covers {@code
 * CreateTableBucket}).
 */
public final class ActionAliases {

  private static final String[][] EQUIVALENT_NAMES = {
    {"s3tables:CreateTableBucket", "s3tables:CreateWarehouse"},
    {"s3tables:GetTableBucket", "s3tables:GetWarehouse"},
    {"s3tables:ListTableBuckets", "s3tables:ListWarehouses"},
    {"s3tables:DeleteTableBucket", "s3tables:DeleteWarehouse"},
    {"s3tables:GetTableBucketPolicy", "s3tables:GetWarehousePolicy"},
    {"s3tables:PutTableBucketPolicy", "s3tables:PutWarehousePolicy"},
    {"s3tables:DeleteTableBucketPolicy", "s3tables:DeleteWarehousePolicy"},
    {"s3tables:GetTableBucketEncryption", "s3tables:GetWarehouseEncryption"},
    {"s3tables:PutTableBucketEncryption", "s3tables:PutWarehouseEncryption"},
    {"s3tables:DeleteTableBucketEncryption", "s3tables:DeleteWarehouseEncryption"},
    {
      "s3tables:GetTableBucketMaintenanceConfiguration",
      "s3tables:GetWarehouseMaintenanceConfiguration"
    },
    {
      "s3tables:PutTableBucketMaintenanceConfiguration",
      "s3tables:PutWarehouseMaintenanceConfiguration"
    },
  };

  private static final Map<String, String[]> BY_LOWER_CASE_NAME = indexByLowerCaseName();

  private ActionAliases() {}

  /**
   * Every spelling of {@code action}, itself first, in their documented case (for example {@code
   * [s3tables:GetWarehouse, s3tables:GetTableBucket]}); just {@code action} when it has no alias.
   */
  public static List<String> equivalentsOf(String action) {
    for (String[] names : EQUIVALENT_NAMES) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equalsIgnoreCase(action)) {
          return List.of(names[i], names[1 - i]);
        }
      }
    }
    return List.of(action);
  }

  /** {@link #equivalentsOf} in lower case, the form action patterns are matched in. */
  static String[] lowerCaseEquivalentsOf(String lowerCaseAction) {
    String[] equivalents = BY_LOWER_CASE_NAME.get(lowerCaseAction);
    return equivalents != null ? equivalents : new String[] {lowerCaseAction};
  }

  private static Map<String, String[]> indexByLowerCaseName() {
    Map<String, String[]> index = new HashMap<>();
    for (String[] names : EQUIVALENT_NAMES) {
      String first = names[0].toLowerCase(Locale.ROOT);
      String second = names[1].toLowerCase(Locale.ROOT);
      index.put(first, new String[] {first, second});
      index.put(second, new String[] {second, first});
    }
    return Map.copyOf(index);
  }
}
