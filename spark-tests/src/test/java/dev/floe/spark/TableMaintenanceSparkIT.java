package dev.floe.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The integrity guard leaves a legitimate engine's life with a format v3 table intact: Spark
 * writes, deletes with deletion vectors, updates and compacts through Floe with correct results.
 * Its maintenance procedures that delete files directly through S3 (expire_snapshots,
 * remove_orphan_files) still finish cleanly: their metadata work commits, the deletes are refused
 * by the guard and reported by Spark as not done, and the files wait for the catalog's own
 * maintenance. The steps run in order on one table, as a table's life does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TableMaintenanceSparkIT {
  private static final String WAREHOUSE = "curated";
  private static final String TABLE_NAME = "pipeline.events";
  private static final String TABLE = SparkOnFloe.CATALOG + "." + TABLE_NAME;

  @RegisterExtension static final FloeServerExtension server = new FloeServerExtension();

  @TempDir static Path sparkWorkDir;

  private static SparkSession spark;
  private static S3Client s3;
  private static String tablePrefix;

  @BeforeAll
  static void startSparkOnAV3Table() {
    FloeProcess floe = server.floe();
    new FloeApi(floe.endpoint(), FloeProcess.ACCESS_KEY, FloeProcess.SECRET_KEY).createWarehouse(WAREHOUSE);
    spark = SparkOnFloe.start(
        floe.endpoint(), WAREHOUSE, FloeProcess.ACCESS_KEY, FloeProcess.SECRET_KEY, sparkWorkDir);
    s3 = s3(floe.endpoint());
    spark.sql("CREATE NAMESPACE " + SparkOnFloe.CATALOG + ".pipeline");
    spark.sql("CREATE TABLE " + TABLE + " (id BIGINT, name STRING, score INT) USING iceberg"
        + " TBLPROPERTIES ('format-version' = '3', 'write.delete.mode' = 'merge-on-read',"
        + " 'write.update.mode' = 'merge-on-read')");
    tablePrefix = tableLocationKeyPrefix();
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  @Order(1)
  void insertsThenMergeOnReadDeleteAndUpdateWriteDeletionVectors() {
    spark.sql("INSERT INTO " + TABLE + " SELECT /*+ REPARTITION(1) */ * FROM VALUES"
        + " (1L, 'a', 10), (2L, 'b', 20), (3L, 'c', 30)");
    spark.sql("INSERT INTO " + TABLE + " SELECT /*+ REPARTITION(1) */ * FROM VALUES"
        + " (4L, 'd', 40), (5L, 'e', 50), (6L, 'f', 60)");
    assertThat(rows("SELECT count(*), sum(score) FROM " + TABLE)).containsExactly(List.of(6L, 210L));

    spark.sql("DELETE FROM " + TABLE + " WHERE id = 2");
    assertThat(ids()).containsExactly(1L, 3L, 4L, 5L, 6L);

    spark.sql("UPDATE " + TABLE + " SET score = 55 WHERE id = 5");
    assertThat(rows("SELECT id, name, score FROM " + TABLE + " ORDER BY id"))
        .containsExactly(
            List.of(1L, "a", 10), List.of(3L, "c", 30), List.of(4L, "d", 40),
            List.of(5L, "e", 55), List.of(6L, "f", 60));
    assertThat(rows("SELECT file_format FROM " + TABLE + ".delete_files"))
        .as("one deletion vector for each of the two data files")
        .containsExactly(List.of("PUFFIN"), List.of("PUFFIN"));
  }

  @Test
  @Order(2)
  void rewriteDataFilesCompactsAndKeepsRowsAndRowIds() {
    List<List<Object>> rowIdsBefore = rows("SELECT id, _row_id FROM " + TABLE + " ORDER BY id");

    List<List<Object>> result = rows("CALL " + SparkOnFloe.CATALOG + ".system.rewrite_data_files("
        + "table => '" + TABLE_NAME + "', options => map('rewrite-all', 'true'))");

    assertThat(result.get(0).get(0)).as("rewritten data files").isEqualTo(3);
    assertThat(rows("SELECT count(*) FROM " + TABLE + ".data_files")).containsExactly(List.of(1L));
    assertThat(rows("SELECT count(*) FROM " + TABLE + ".delete_files"))
        .as("the deletion vectors were applied and dropped with their data files")
        .containsExactly(List.of(0L));
    assertThat(rows("SELECT id, _row_id FROM " + TABLE + " ORDER BY id")).isEqualTo(rowIdsBefore);
    assertThat(rows("SELECT sum(score) FROM " + TABLE)).containsExactly(List.of(195L));
  }

  @Test
  @Order(3)
  void expireSnapshotsCommitsButItsFileDeletesAreRefused() {
    List<String> filesBefore = tableObjectKeys();
    String now = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneOffset.UTC).format(Instant.now().plusSeconds(1));

    List<List<Object>> deleted = rows("CALL " + SparkOnFloe.CATALOG + ".system.expire_snapshots("
        + "table => '" + TABLE_NAME + "', older_than => TIMESTAMP '" + now + "', retain_last => 1)");

    assertThat(deleted)
        .as("Spark counts only the files it deleted: the guard refused every one")
        .containsExactly(List.of(0L, 0L, 0L, 0L, 0L, 0L));
    assertThat(rows("SELECT count(*) FROM " + TABLE + ".snapshots"))
        .as("the snapshots are gone from the table's metadata")
        .containsExactly(List.of(1L));
    assertThat(tableObjectKeys()).containsAll(filesBefore);
    assertThat(ids()).containsExactly(1L, 3L, 4L, 5L, 6L);
  }

  @Test
  @Order(4)
  void removeOrphanFilesFindsOrphansButCannotDeleteThem() {
    String orphan = tablePrefix + "data/left-by-a-failed-job.parquet";
    s3.putObject(b -> b.bucket(WAREHOUSE).key(orphan), RequestBody.fromString("not a table file"));
    // Spark lists with Hadoop's FileSystem, which has no s3:// scheme here; it also accepts a
    // listing as a view. Backdated so the files pass the procedure's 24-hour safety interval.
    StructType listing = new StructType()
        .add("file_path", DataTypes.StringType)
        .add("last_modified", DataTypes.TimestampType);
    Timestamp longAgo = Timestamp.from(Instant.parse("2020-01-01T00:00:00Z"));
    spark.createDataFrame(
            tableObjectKeys().stream()
                .map(key -> RowFactory.create("s3://" + WAREHOUSE + "/" + key, longAgo))
                .toList(),
            listing)
        .createOrReplaceTempView("table_files");

    List<List<Object>> orphans = rows("CALL " + SparkOnFloe.CATALOG + ".system.remove_orphan_files("
        + "table => '" + TABLE_NAME + "', file_list_view => 'table_files')");

    assertThat(orphans).contains(List.of("s3://" + WAREHOUSE + "/" + orphan));
    assertThat(tableObjectKeys()).as("the guard refused the deletes").contains(orphan);
    assertThat(rows("SELECT id, name, score FROM " + TABLE + " ORDER BY id"))
        .containsExactly(
            List.of(1L, "a", 10), List.of(3L, "c", 30), List.of(4L, "d", 40),
            List.of(5L, "e", 55), List.of(6L, "f", 60));
  }

  private static List<Long> ids() {
    return spark.sql("SELECT id FROM " + TABLE + " ORDER BY id").collectAsList().stream()
        .map(row -> row.getLong(0))
        .toList();
  }

  /** The table's key prefix in the warehouse bucket: {@code <uuid>/}. */
  private static String tableLocationKeyPrefix() {
    String location = rows("DESCRIBE TABLE EXTENDED " + TABLE).stream()
        .filter(row -> "Location".equals(row.get(0)))
        .map(row -> (String) row.get(1))
        .findFirst()
        .orElseThrow();
    return location.substring(("s3://" + WAREHOUSE + "/").length()) + "/";
  }

  private static List<String> tableObjectKeys() {
    return s3.listObjectsV2Paginator(b -> b.bucket(WAREHOUSE).prefix(tablePrefix)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  private static S3Client s3(URI endpoint) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.of(SparkOnFloe.REGION))
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(FloeProcess.ACCESS_KEY, FloeProcess.SECRET_KEY)))
        .build();
  }

  private static List<List<Object>> rows(String sql) {
    return spark.sql(sql).collectAsList().stream().map(TableMaintenanceSparkIT::values).toList();
  }

  private static List<Object> values(Row row) {
    return Arrays.asList(IntStream.range(0, row.length()).mapToObj(row::get).toArray());
  }
}
