package dev.floe.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.auth.policy.Decision.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The read-only warehouse policy from the identity-and-access issue, verbatim: its holder can list
 * and load every namespace and table of {@code my-warehouse} and can change nothing, there or
 * anywhere else.
 */
class ReadOnlyWarehousePolicyTest {

  private static final String WAREHOUSE = "arn:aws:s3tables:::bucket/my-warehouse";
  private static final String TABLE = WAREHOUSE + "/table/sales/orders";

  private static PolicySet readOnly;
  private final PolicyEvaluator evaluator = new PolicyEvaluator();

  @BeforeAll
  static void loadFixture() throws IOException {
    try (InputStream in =
        ReadOnlyWarehousePolicyTest.class.getResourceAsStream("/policy/read-only-warehouse.json")) {
      readOnly =
          PolicySet.of(
              List.of(PolicyDocument.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
    }
  }

  private Decision decide(String action, String resource) {
    return evaluator.evaluate(new AuthorizationRequest(action, resource), readOnly);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "s3tables:GetTableBucket",
        "s3tables:GetWarehouse",
        "s3tables:ListNamespaces",
        "s3tables:GetNamespace",
        "s3tables:ListTables",
        "s3tables:GetTable"
      })
  void everyReadActionOnTheWarehouseIsAllowed(String action) {
    Decision decision = decide(action, WAREHOUSE);

    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(decision.statementId()).hasValue("S3TablesReadOnlyWarehouse");
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3tables:GetTable", "s3tables:ListTables", "s3tables:GetNamespace"})
  void readingTablesOfAnyNamespaceIsAllowed(String action) {
    assertThat(decide(action, TABLE).outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(decide(action, WAREHOUSE + "/table/a.b/c").outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(decide(action, WAREHOUSE + "/table/0d3c9f5e-6a0b-4c8e-9c1f-2f1e3a4b5c6d").outcome())
        .isEqualTo(Outcome.ALLOW);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "s3tables:CreateTable",
        "s3tables:UpdateTableMetadataLocation",
        "s3tables:DeleteTable",
        "s3tables:RenameTable",
        "s3tables:PutTableData",
        "s3tables:CreateNamespace",
        "s3tables:DeleteNamespace",
        "s3tables:DeleteTableBucket",
        "s3tables:DeleteWarehouse",
        "s3tables:CreateTableBucket"
      })
  void everyChangeIsImplicitlyDenied(String action) {
    assertThat(decide(action, WAREHOUSE).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(decide(action, TABLE).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "arn:aws:s3tables:::bucket/other-warehouse",
        "arn:aws:s3tables:::bucket/other-warehouse/table/sales/orders",
        "arn:aws:s3tables:::bucket/my-warehouse-2",
        "arn:aws:s3tables:::bucket/my-warehouse-2/table/sales/orders",
        "arn:aws:s3tables:::bucket/My-Warehouse"
      })
  void anotherWarehouseIsDenied(String resource) {
    assertThat(decide("s3tables:GetTable", resource).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(decide("s3tables:GetTableBucket", resource).outcome())
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3:GetObject", "s3:ListBucket", "s3tables:ListTableBuckets"})
  void nothingOutsideItsActionsIsGranted(String action) {
    assertThat(decide(action, "arn:aws:s3:::my-warehouse/x").outcome())
        .isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(decide(action, "*").outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
  }
}
