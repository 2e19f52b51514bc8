package dev.floe.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark 4 with Iceberg's runtime, configured as the README tells users, keeps a media-asset
 * catalog in Floe: every catalog call goes to Floe's REST catalog and every data and delete file
 * through Floe's S3 API on the same port.
 */
class MediaAssetsSparkIT {
  private static final String WAREHOUSE = "media";
  private static final String NAMESPACE = SparkOnFloe.CATALOG + ".asset_catalog";
  private static final String V3_MERGE_ON_READ =
      "TBLPROPERTIES ('format-version' = '3', 'write.delete.mode' = 'merge-on-read',"
          + " 'write.update.mode' = 'merge-on-read')";
  private static final List<Object> THE_VIDEO =
      List.of("vid-001", "s3://media-library/raw/vid-001.mp4", "312");

  @RegisterExtension static final FloeServerExtension server = new FloeServerExtension();

  @TempDir static Path sparkWorkDir;

  private static SparkSession spark;

  @BeforeAll
  static void startSparkOnANewWarehouse() {
    FloeProcess floe = server.floe();
    new FloeApi(floe.endpoint(), FloeProcess.ACCESS_KEY, FloeProcess.SECRET_KEY).createWarehouse(WAREHOUSE);
    spark = SparkOnFloe.start(
        floe.endpoint(), WAREHOUSE, FloeProcess.ACCESS_KEY, FloeProcess.SECRET_KEY, sparkWorkDir);
    spark.sql("CREATE NAMESPACE " + NAMESPACE);
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void findsTheVideoReadyForTrainingByTypeTagAndStatus() {
    String table = createMediaAssets("media_assets", "");
    insertAnImageAVideoAndADocument(table);

    assertThat(readyTrainingVideos(table)).containsExactly(THE_VIDEO);
    assertThat(rows("SELECT asset_type, file_size_bytes, size(tags) FROM " + table + " ORDER BY asset_id"))
        .containsExactly(
            List.of("document", 512_000L, 1), List.of("image", 2_048_000L, 2), List.of("video", 104_857_600L, 2));
    assertThat(location(table)).startsWith("s3://" + WAREHOUSE + "/");
  }

  @Test
  void mergeOnReadDeleteOnAFormatVersion3TableWritesADeletionVector() {
    String table = createMediaAssets("media_assets_v3", V3_MERGE_ON_READ);
    insertAnImageAVideoAndADocument(table);
    assertThat(readyTrainingVideos(table)).containsExactly(THE_VIDEO);

    spark.sql("DELETE FROM " + table + " WHERE asset_id = 'img-001'");

    assertThat(rows("SELECT content, file_format, referenced_data_file IS NOT NULL FROM " + table + ".delete_files"))
        .as("one deletion vector: position deletes in a Puffin file, naming its data file")
        .containsExactly(List.of(1, "PUFFIN", true));
    assertThat(rows("SELECT count(*) FROM " + table + ".data_files"))
        .as("merge-on-read leaves the data file in place")
        .containsExactly(List.of(1L));
    assertThat(rows("SELECT asset_id FROM " + table + " ORDER BY asset_id"))
        .containsExactly(List.of("doc-001"), List.of("vid-001"));
    assertThat(readyTrainingVideos(table)).containsExactly(THE_VIDEO);
  }

  @Test
  void updateOnAFormatVersion3TableIsReadBackWithItsRowLineage() {
    String table = createMediaAssets("media_assets_v3_updates", V3_MERGE_ON_READ);
    insertAnImageAVideoAndADocument(table);
    Object videoRowId = rows("SELECT _row_id FROM " + table + " WHERE asset_id = 'vid-001'").get(0).get(0);

    spark.sql("UPDATE " + table + " SET processing_status = 'archived' WHERE asset_id = 'vid-001'");

    assertThat(rows("SELECT asset_id, processing_status FROM " + table + " ORDER BY asset_id"))
        .containsExactly(List.of("doc-001", "pending"), List.of("img-001", "ready"), List.of("vid-001", "archived"));
    assertThat(readyTrainingVideos(table)).isEmpty();
    assertThat(rows("SELECT _row_id FROM " + table + " WHERE asset_id = 'vid-001'"))
        .as("an updated row keeps its row id")
        .containsExactly(List.of(videoRowId));
    assertThat(rows("SELECT content, file_format FROM " + table + ".delete_files"))
        .containsExactly(List.of(1, "PUFFIN"));
  }

  private static String createMediaAssets(String name, String properties) {
    String table = NAMESPACE + "." + name;
    spark.sql("CREATE TABLE " + table + " ("
        + "asset_id STRING, asset_type STRING, file_path STRING, file_size_bytes BIGINT,"
        + " created_timestamp TIMESTAMP, processing_status STRING,"
        + " tags ARRAY<STRING>, metadata MAP<STRING, STRING>) USING iceberg " + properties);
    return table;
  }

  /**
   * One data file (REPARTITION(1)): deleting a row from a file whose other rows stay must write a
   * deletion vector, whereas a file whose rows all match would simply be dropped.
   */
  private static void insertAnImageAVideoAndADocument(String table) {
    spark.sql("INSERT INTO " + table + " SELECT /*+ REPARTITION(1) */ * FROM VALUES "
        + "('img-001', 'image', 's3://media-library/raw/img-001.jpg', 2048000L,"
        + "  TIMESTAMP '2026-11-02 09:15:00', 'ready', array('training', 'outdoor'),"
        + "  map('width', '1920', 'height', '1080')),"
        + "('vid-001', 'video', 's3://media-library/raw/vid-001.mp4', 104857600L,"
        + "  TIMESTAMP '2026-11-03 14:40:00', 'ready', array('training', 'interview'),"
        + "  map('duration_sec', '312', 'codec', 'h264')),"
        + "('doc-001', 'document', 's3://media-library/raw/doc-001.pdf', 512000L,"
        + "  TIMESTAMP '2026-11-04 08:05:00', 'pending', array('contract'),"
        + "  map('pages', '12'))");
  }

  private static List<List<Object>> readyTrainingVideos(String table) {
    return rows("SELECT asset_id, file_path, metadata['duration_sec'] FROM " + table
        + " WHERE asset_type = 'video' AND array_contains(tags, 'training') AND processing_status = 'ready'");
  }

  private static String location(String table) {
    return rows("DESCRIBE TABLE EXTENDED " + table).stream()
        .filter(row -> "Location".equals(row.get(0)))
        .map(row -> (String) row.get(1))
        .findFirst()
        .orElseThrow();
  }

  private static List<List<Object>> rows(String sql) {
    return spark.sql(sql).collectAsList().stream().map(MediaAssetsSparkIT::values).toList();
  }

  private static List<Object> values(Row row) {
    return Arrays.asList(IntStream.range(0, row.length()).mapToObj(row::get).toArray());
  }
}
