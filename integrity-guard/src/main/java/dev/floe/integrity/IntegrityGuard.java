package dev.floe.integrity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps table files safe from direct S3 operations (DESIGN §5). Ordinary buckets pass untouched;
 * the system bucket is closed; in warehouse buckets objects may only be created under a known
 * table's location, and nothing is deleted, overwritten or reconfigured. The guard applies to
 * every caller, root included: permissions are the policies' business, not the guard's.
 */
public final class IntegrityGuard {

  private final String systemBucket;
  private final TableLocationIndex tables;
  private final List<GuardRule> rules;

  public IntegrityGuard(String systemBucket, TableLocationIndex tables) {
    this(systemBucket, tables, defaultRules());
  }

  public IntegrityGuard(String systemBucket, TableLocationIndex tables, List<GuardRule> rules) {
    this.systemBucket = Objects.requireNonNull(systemBucket, "systemBucket");
    this.tables = Objects.requireNonNull(tables, "tables");
    this.rules = List.copyOf(rules);
  }

  /** The rules in the order they are consulted; the first refusal wins. */
  public static List<GuardRule> defaultRules() {
    return List.of(
        new SystemBucketRule(),
        new KeyShapeRule(),
        new CatalogStateRule(),
        new BucketConfigurationRule(),
        new NoDeletionRule(),
        new ImmutableFilesRule(),
        new MetadataPointerRule(),
        new TableLocationRule());
  }

  /**
   * The refusal of the first rule that forbids the access, or empty to let it through.
   *
   * @throws TableLocationsUnavailableException when the catalog cannot be read to decide
   */
  public Optional<GuardRefusal> check(GuardedAccess access) {
    BucketRole role = role(access.bucket());
    if (role == BucketRole.ORDINARY) {
      return Optional.empty();
    }
    for (GuardRule rule : rules) {
      Optional<GuardRefusal> refusal = rule.evaluate(access, role, tables);
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    return Optional.empty();
  }

  /**
   * Whether an allowed access may only create its object, never replace one: every object write
   * in a warehouse bucket. The proxy makes the store enforce it ({@code If-None-Match: *}) or
   * checks first where the store cannot.
   */
  public boolean createOnly(GuardedAccess access) {
    return access.kind() == AccessKind.CREATE_OBJECT && role(access.bucket()) != BucketRole.ORDINARY;
  }

  public BucketRole role(String bucket) {
    if (bucket.equals(systemBucket)) {
      return BucketRole.SYSTEM;
    }
    return tables.isWarehouse(bucket) ? BucketRole.WAREHOUSE : BucketRole.ORDINARY;
  }
}
