package dev.floe.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.iceberg.exceptions.ForbiddenException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark job configured with nothing but its catalog credentials (an OAuth2 client credential;
 * no S3 keys, endpoint or region) creates, writes and reads its tables with the credentials Floe
 * vends per table, and cannot reach a table its policy does not cover.
 */
class VendedCredentialsSparkIT {
  private static final String WAREHOUSE = "vended";
  private static final String USER = "etl-job";
  private static final String USER_SECRET = "etl-job-secret-key";
  private static final String TABLES = "arn:aws:s3tables:::bucket/" + WAREHOUSE;
  private static final String POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":["
          + "{\"Effect\":\"Allow\",\"Action\":\"s3tables:*\",\"Resource\":[\"" + TABLES + "\",\"" + TABLES + "/table/*\"]},"
          + "{\"Effect\":\"Deny\",\"Action\":\"s3tables:*\",\"Resource\":\"" + TABLES + "/table/restricted/*\"}]}";

  @RegisterExtension static final FloeServerExtension server = new FloeServerExtension();

  @TempDir static Path sparkWorkDir;
  @TempDir static Path rootSparkWorkDir;

  private static SparkSession spark;

  @BeforeAll
  static void createAWarehouseARestrictedTableAndAUserWithoutS3Keys() {
    FloeProcess floe = server.floe();
    FloeApi admin = new FloeApi(floe.endpoint(), FloeProcess.ACCESS_KEY, FloeProcess.SECRET_KEY);
    admin.createWarehouse(WAREHOUSE);
    admin.addUser(USER, USER_SECRET, POLICY);
    SparkSession rootSpark =
        SparkOnFloe.start(floe.endpoint(), WAREHOUSE, FloeProcess.ACCESS_KEY, FloeProcess.SECRET_KEY, rootSparkWorkDir);
    rootSpark.sql("CREATE NAMESPACE floe.restricted");
    rootSpark.sql("CREATE TABLE floe.restricted.salaries (name STRING, amount BIGINT) USING iceberg");
    rootSpark.sql("INSERT INTO floe.restricted.salaries VALUES ('ada', 100)");
    rootSpark.stop();
    spark = SparkOnFloe.startWithVendedCredentials(floe.endpoint(), WAREHOUSE, USER, USER_SECRET, sparkWorkDir);
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void writesAndReadsItsTablesWithVendedCredentialsOnly() {
    spark.sql("CREATE NAMESPACE floe.sales");
    spark.sql(
        "CREATE TABLE floe.sales.orders (id BIGINT, customer STRING, total DOUBLE) USING iceberg"
            + " TBLPROPERTIES ('format-version' = '3', 'write.delete.mode' = 'merge-on-read')");
    spark.sql("INSERT INTO floe.sales.orders VALUES (1, 'ada', 12.5), (2, 'grace', 40.0), (3, 'alan', 7.25)");
    spark.sql("DELETE FROM floe.sales.orders WHERE id = 3");

    List<Row> rows = spark.sql("SELECT id, customer, total FROM floe.sales.orders ORDER BY id").collectAsList();
    assertThat(rows).extracting(Row::toString).containsExactly("[1,ada,12.5]", "[2,grace,40.0]");
    assertThat(spark.conf().getOption("spark.sql.catalog.floe.s3.access-key-id").isDefined()).isFalse();
  }

  @Test
  void cannotReachATableItsPolicyDenies() {
    assertThatThrownBy(() -> spark.sql("SELECT * FROM floe.restricted.salaries").collectAsList())
        .satisfies(
            failure -> {
              Throwable cause = failure;
              while (!(cause instanceof ForbiddenException) && cause.getCause() != null) {
                cause = cause.getCause();
              }
              assertThat(cause).isInstanceOf(ForbiddenException.class);
              assertThat(cause.getMessage()).contains("may not perform s3tables:GetTable");
            });
  }
}
