package dev.floe.s3.authz;

import dev.floe.auth.policy.AuthorizationRequest;
import dev.floe.integrity.TableLocationIndex;
import dev.floe.s3.BodyObject;
import dev.floe.s3.S3CopySource;
import dev.floe.s3.S3Request;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The permissions one S3 request needs, as policy questions: each rule of its operation in {@link
 * S3OperationActions}, asked on the ARN the request addresses, with its condition keys.
 *
 * <p>In a warehouse bucket, a key under a table's {@code <uuid>/} location is that table's data,
 * and — as in S3 Tables — only {@code s3tables:GetTableData} or {@code s3tables:PutTableData} on
 * the table grants access to it, by its ARN by uuid ({@code
 * arn:aws:s3tables:::bucket/<warehouse>/table/<uuid>}) or by name ({@code …/table/<ns>/<name>},
 * with {@code s3tables:namespace} and {@code s3tables:tableName}); {@code s3:} actions on the
 * object's ARN play no part there. Everything else in a warehouse bucket (its own
 * configuration, {@code .floe/}) is governed by {@code s3:} actions like any bucket, and the
 * integrity guard then refuses what no caller may do.
 */
final class S3Permissions {
  private static final String S3_ARN = "arn:aws:s3:::";
  private static final String TABLE_BUCKET_ARN = "arn:aws:s3tables:::bucket/";
  private static final String GET_TABLE_DATA = "s3tables:GetTableData";
  private static final String PUT_TABLE_DATA = "s3tables:PutTableData";

  private final TableLocationIndex tables;
  private final TableNames names;

  S3Permissions(TableLocationIndex tables, TableNames names) {
    this.tables = tables;
    this.names = names;
  }

  /**
   * Every permission {@code request} needs, each with the {@code global} condition keys.
   *
   * @throws dev.floe.integrity.TableLocationsUnavailableException when the catalog cannot be read
   *     to tell whether a key is table data
   */
  List<S3Permission> of(S3Request request, Map<String, List<String>> global) {
    List<S3ActionRule> rules = S3OperationActions.of(request.operation());
    List<S3Permission> permissions = new ArrayList<>(rules.size());
    for (S3ActionRule rule : rules) {
      permissions.addAll(permissions(rule, request, global));
    }
    return permissions;
  }

  private List<S3Permission> permissions(
      S3ActionRule rule, S3Request request, Map<String, List<String>> global) {
    if (rule.resource() != S3ActionRule.Resource.BODY_OBJECTS) {
      return List.of(permission(rule, request, global));
    }
    if (request.bodyObjects().isEmpty()) {
      // The body was not read: ask about every object it could name, never about none.
      return List.of(S3Permission.of(new AuthorizationRequest(rule.action(), S3_ARN + request.bucket() + "/*", global)));
    }
    List<S3Permission> each = new ArrayList<>(request.bodyObjects().size());
    for (BodyObject object : request.bodyObjects()) {
      each.add(onObject(rule, request.bucket(), object.key(), object.versionId().isPresent(), global));
    }
    return each;
  }

  private S3Permission permission(
      S3ActionRule rule, S3Request request, Map<String, List<String>> global) {
    return switch (rule.resource()) {
      case SERVICE -> S3Permission.of(new AuthorizationRequest(rule.action(), S3_ARN + "*", global));
      case BUCKET -> onBucket(rule, request, global);
      case OBJECT ->
          onObject(rule, request.bucket(), request.key(), versioned(request.query()), global);
      case ANY_OBJECT ->
          S3Permission.of(new AuthorizationRequest(rule.action(), S3_ARN + request.bucket() + "/*", global));
      case BODY_OBJECTS -> throw new IllegalStateException("expanded per object by permissions()");
      case COPY_SOURCE -> {
        S3CopySource source = request.copySource().orElseThrow();
        yield onObject(
            rule, source.bucket(), source.key(), source.versionId().isPresent(), global);
      }
    };
  }

  private S3Permission onBucket(
      S3ActionRule rule, S3Request request, Map<String, List<String>> global) {
    if (rule.tableData() != S3ActionRule.TableData.LIST) {
      return S3Permission.of(new AuthorizationRequest(rule.action(), S3_ARN + request.bucket(), global));
    }
    Map<String, List<String>> context = listingContext(request.query(), global);
    String prefix = request.query().getOrDefault("prefix", "");
    Optional<String> table = tableHolding(request.bucket(), prefix);
    if (table.isPresent()) {
      return onTableData(GET_TABLE_DATA, request.bucket(), table.get(), context);
    }
    return S3Permission.of(new AuthorizationRequest(rule.action(), S3_ARN + request.bucket(), context));
  }

  /**
   * A table's data, by uuid and — when the table has a name — by name, with the table's {@code
   * s3tables:} condition keys, as the catalog asks about the table itself.
   */
  private S3Permission onTableData(
      String action, String warehouse, String uuid, Map<String, List<String>> context) {
    Optional<TableNames.TableName> name = names.nameOf(warehouse, uuid);
    if (name.isEmpty()) {
      return S3Permission.of(new AuthorizationRequest(action, tableArn(warehouse, uuid), context));
    }
    Map<String, List<String>> withName = new HashMap<>(context);
    withName.put("s3tables:namespace", List.of(name.get().namespace()));
    withName.put("s3tables:tableName", List.of(name.get().name()));
    return new S3Permission(
        List.of(
            new AuthorizationRequest(action, tableArn(warehouse, uuid), withName),
            new AuthorizationRequest(
                action, tableArn(warehouse, name.get().namespace() + "/" + name.get().name()), withName)));
  }

  private S3Permission onObject(
      S3ActionRule rule,
      String bucket,
      String key,
      boolean versioned,
      Map<String, List<String>> global) {
    Optional<String> table = tableHolding(bucket, key);
    if (table.isPresent()) {
      String action = rule.tableData() == S3ActionRule.TableData.READ ? GET_TABLE_DATA : PUT_TABLE_DATA;
      return onTableData(action, bucket, table.get(), global);
    }
    String action = versioned ? rule.versionAction().orElse(rule.action()) : rule.action();
    return S3Permission.of(new AuthorizationRequest(action, S3_ARN + bucket + "/" + key, global));
  }

  /**
   * The table whose location holds {@code key}, when {@code bucket} is a warehouse. The key's
   * shape is looked at first: it costs nothing, while telling a warehouse from an ordinary bucket
   * may read the registry, which ordinary traffic should not pay for twice.
   */
  private Optional<String> tableHolding(String bucket, String key) {
    Optional<String> table = tables.owningTable(bucket, key);
    return table.isPresent() && tables.isWarehouse(bucket) ? table : Optional.empty();
  }

  /** {@code …/table/<uuid>}, or {@code …/table/<namespace>/<name>}. */
  private static String tableArn(String warehouse, String table) {
    return TABLE_BUCKET_ARN + warehouse + "/table/" + table;
  }

  private static boolean versioned(Map<String, String> query) {
    return !query.getOrDefault("versionId", "").isEmpty();
  }

  /**
   * AWS's listing keys. {@code s3:prefix} is the empty string when the request has none, so that
   * the AWS documentation's {@code "s3:prefix": ["", "home/"]} lets a user list the bucket's top.
   */
  private static Map<String, List<String>> listingContext(
      Map<String, String> query, Map<String, List<String>> global) {
    Map<String, List<String>> context = new HashMap<>(global);
    context.put("s3:prefix", List.of(query.getOrDefault("prefix", "")));
    putIfPresent(context, "s3:delimiter", query.get("delimiter"));
    putIfPresent(context, "s3:max-keys", query.get("max-keys"));
    return context;
  }

  private static void putIfPresent(Map<String, List<String>> context, String key, String value) {
    if (value != null) {
      context.put(key, List.of(value));
    }
  }
}
