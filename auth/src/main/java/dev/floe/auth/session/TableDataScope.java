package dev.floe.auth.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.floe.auth.policy.PolicyDocument;
import dev.floe.auth.policy.PolicySet;
import java.util.List;

/**
 * What vended credentials may touch: the data of one table, for reading or for reading and
 * writing. As in S3 Tables, table files are governed by {@code s3tables:GetTableData} and {@code
 * s3tables:PutTableData} on the table's ARN by uuid, so the scope is a policy granting exactly
 * those on exactly that table, and nothing else in the store or the catalog.
 *
 * @param warehouse the warehouse, which is also the bucket holding the table's files
 * @param tableUuid the table's uuid, which is also its location's prefix in the bucket
 * @param write whether the credentials may write as well as read
 */
public record TableDataScope(String warehouse, String tableUuid, boolean write) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The table's location, the prefix every file the credentials may touch starts with. */
  public String location() {
    return "s3://" + warehouse + "/" + tableUuid + "/";
  }

  public String tableArn() {
    return "arn:aws:s3tables:::bucket/" + warehouse + "/table/" + tableUuid;
  }

  public List<String> actions() {
    return write
        ? List.of("s3tables:GetTableData", "s3tables:PutTableData")
        : List.of("s3tables:GetTableData");
  }

  /** The scope as a session policy, to be intersected with its owner's policies. */
  public PolicySet policy() {
    ObjectNode statement = JSON.createObjectNode();
    statement.put("Sid", "VendedTableData");
    statement.put("Effect", "Allow");
    ArrayNode actions = statement.putArray("Action");
    actions().forEach(actions::add);
    statement.put("Resource", tableArn());
    ObjectNode policy = JSON.createObjectNode();
    policy.put("Version", PolicyDocument.VERSION_2012_10_17);
    policy.putArray("Statement").add(statement);
    return PolicySet.of(List.of(PolicyDocument.parse(policy.toString())));
  }
}
