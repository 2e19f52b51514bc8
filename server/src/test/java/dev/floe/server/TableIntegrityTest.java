package dev.floe.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.deletes.BaseDVFileWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The integrity guard seen through the S3 API (DESIGN §5): every way of damaging a table's files
 * around the catalog is refused, for every caller — root included — and afterwards the table reads
 * back identical. Ordinary buckets keep plain S3 semantics.
 */
class TableIntegrityTest {
  private static final String WAREHOUSE = "guarded";
  private static final String ASSETS = "assets";
  private static final String TABLE_WRITER = "table-writer";
  private static final String TABLE_WRITER_SECRET = "table-writer-secret-key";
  private static final Schema SCHEMA =
      new Schema(
          Types.NestedField.required(1, "id", Types.LongType.get()),
          Types.NestedField.optional(2, "name", Types.StringType.get()));

  @TempDir static Path dataDir;
  static FloeTestServer floe;
  static RESTCatalog catalog;
  static Table table;
  static String tablePrefix;
  static Map<String, String> tableFiles;
  static List<Long> snapshotsBefore;
  static List<Long> rowsBefore;

  @BeforeAll
  static void createTableWithDataAndADeletionVector() throws IOException {
    try {
      floe = FloeTestServer.start(dataDir);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    floe.createWarehouse(WAREHOUSE);
    addTableWriter();
    try (S3Client s3 = s3(floe.server().rootAccessKey(), floe.server().rootSecretKey())) {
      s3.createBucket(b -> b.bucket(ASSETS));
      s3.putObject(b -> b.bucket(ASSETS).key("replacement.bin"), RequestBody.fromString("junk"));
    }
    catalog = floe.catalog(WAREHOUSE);
    catalog.createNamespace(Namespace.of("ns"));
    table = catalog.createTable(TableIdentifier.of("ns", "events"), SCHEMA);
    DataFile first = writeRows(table, 0, 5);
    table.newAppend().appendFile(first).appendFile(writeRows(table, 5, 5)).commit();
    table.newRowDelta().addDeletes(deletionVector(table, first.location(), 0)).commit();
    table.refresh();

    tablePrefix = table.location().substring(("s3://" + WAREHOUSE + "/").length()) + "/";
    Snapshot current = table.currentSnapshot();
    ManifestFile manifest = current.dataManifests(table.io()).get(0);
    DeleteFile dv = current.addedDeleteFiles(table.io()).iterator().next();
    tableFiles =
        Map.of(
            "metadata.json", key(((org.apache.iceberg.HasTableOperations) table).operations().current().metadataFileLocation()),
            "manifest list", key(current.manifestListLocation()),
            "manifest", key(manifest.path()),
            "data file", key(first.location()),
            "deletion vector", key(dv.location()));
    snapshotsBefore = snapshotIds(table);
    rowsBefore = rows(table);
  }

  @AfterAll
  static void stop() throws Exception {
    if (catalog != null) {
      catalog.close();
    }
    floe.close();
  }

  /**
   * Everyone the guard must stop: root, and a writer whose policy allows every S3 and S3 Tables
   * action, so that each refusal below comes from the guard and not from a policy.
   */
  static Stream<Named<S3Client>> callers() {
    return Stream.of(
        Named.of("root", s3(floe.server().rootAccessKey(), floe.server().rootSecretKey())),
        Named.of("table writer", s3(TABLE_WRITER, TABLE_WRITER_SECRET)));
  }

  private static void addTableWriter() {
    SignedHttp admin = floe.http();
    String policy =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:*\",\"s3tables:*\"],\"Resource\":\"*\"}]}";
    expectCreated(admin.send("POST", "/_floe/v1/admin/users",
        "{\"access-key\":\"" + TABLE_WRITER + "\",\"secret-key\":\"" + TABLE_WRITER_SECRET + "\"}"));
    expectCreated(admin.send("POST", "/_floe/v1/admin/policies",
        "{\"name\":\"write-everything\",\"document\":" + new com.fasterxml.jackson.databind.ObjectMapper()
            .valueToTree(policy) + "}"));
    expectCreated(admin.send("POST", "/_floe/v1/admin/policies/write-everything/attach",
        "{\"user\":\"" + TABLE_WRITER + "\"}"));
  }

  private static void expectCreated(java.net.http.HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
  }

  @ParameterizedTest
  @MethodSource("callers")
  void tableFilesCannotBeDeletedOneByOneOrInABatch(S3Client s3) {
    try (s3) {
      tableFiles.forEach(
          (what, key) ->
              assertRefused(() -> s3.deleteObject(b -> b.bucket(WAREHOUSE).key(key)), "no-deletion"));
      List<ObjectIdentifier> everything =
          s3.listObjectsV2(b -> b.bucket(WAREHOUSE).prefix(tablePrefix)).contents().stream()
              .map(object -> ObjectIdentifier.builder().key(object.key()).build())
              .toList();
      assertThat(everything).hasSizeGreaterThanOrEqualTo(tableFiles.size());
      assertRefused(
          () -> s3.deleteObjects(b -> b.bucket(WAREHOUSE).delete(d -> d.objects(everything))),
          "no-deletion");
    }
    assertTableUnchanged();
  }

  @ParameterizedTest
  @MethodSource("callers")
  void tableFilesCannotBeOverwrittenByPutCopyOrMultipartUpload(S3Client s3) {
    try (s3) {
      tableFiles.forEach(
          (what, key) -> {
            S3Exception put =
                catchThrowableOfType(
                    S3Exception.class,
                    () -> s3.putObject(b -> b.bucket(WAREHOUSE).key(key), RequestBody.fromString("x")));
            assertThat(put).as("PUT over the " + what).isNotNull();
            assertThat(put.statusCode()).as("PUT over the " + what).isIn(403, 412);
            assertRefused(
                () ->
                    s3.copyObject(
                        b -> b.sourceBucket(ASSETS).sourceKey("replacement.bin")
                            .destinationBucket(WAREHOUSE).destinationKey(key)),
                what.equals("metadata.json") ? "metadata-files" : "create-only");
          });
      String dataFile = tableFiles.get("data file");
      String upload =
          s3.createMultipartUpload(b -> b.bucket(WAREHOUSE).key(dataFile)).uploadId();
      String etag =
          s3.uploadPart(
                  b -> b.bucket(WAREHOUSE).key(dataFile).uploadId(upload).partNumber(1),
                  RequestBody.fromString("overwritten"))
              .eTag();
      assertRefused(
          () ->
              s3.completeMultipartUpload(
                  b -> b.bucket(WAREHOUSE).key(dataFile).uploadId(upload)
                      .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build()))),
          "create-only");
      s3.abortMultipartUpload(b -> b.bucket(WAREHOUSE).key(dataFile).uploadId(upload));
    }
    assertTableUnchanged();
  }

  @ParameterizedTest
  @MethodSource("callers")
  void metadataAndCatalogStateAreOutOfReach(S3Client s3) {
    try (s3) {
      assertRefused(
          () -> s3.putObject(b -> b.bucket(WAREHOUSE).key(tablePrefix + "metadata/v99.metadata.json"),
              RequestBody.fromString("{}")),
          "metadata-files");
      assertRefused(
          () -> s3.putObject(b -> b.bucket(WAREHOUSE).key(tablePrefix + "metadata/version-hint.text"),
              RequestBody.fromString("99")),
          "metadata-files");
      assertRefused(() -> s3.getObjectAsBytes(b -> b.bucket(WAREHOUSE).key(".floe/warehouse.json")),
          "catalog-state");
      assertRefused(
          () -> s3.putObject(b -> b.bucket(WAREHOUSE).key(".floe/entities/" + UUID.randomUUID() + ".json"),
              RequestBody.fromString("{}")),
          "catalog-state");
      assertRefused(
          () -> s3.getObjectAsBytes(b -> b.bucket(WAREHOUSE).key(tablePrefix + "../.floe/warehouse.json")),
          "");
      assertRefused(
          () -> s3.putObject(b -> b.bucket(WAREHOUSE).key(tablePrefix + "data/../metadata/v99.metadata.json"),
              RequestBody.fromString("{}")),
          "");
      assertRefused(
          () -> s3.putObject(b -> b.bucket(WAREHOUSE).key("stray/file.parquet"), RequestBody.fromString("x")),
          "table-location");
      String noTable = java.util.UUID.randomUUID() + "/data/file.parquet";
      assertRefused(
          () -> s3.putObject(b -> b.bucket(WAREHOUSE).key(noTable), RequestBody.fromString("x")),
          "table-location");
      assertRefused(
          () -> s3.getObjectAsBytes(b -> b.bucket("floe-system").key("warehouses/" + WAREHOUSE + ".json")),
          "system-bucket");
      assertRefused(() -> s3.listObjectsV2(b -> b.bucket("floe-system")), "system-bucket");
    }
    assertTableUnchanged();
  }

  @Test
  void encodedDotSegmentsDoNotReachProtectedKeys() {
    String manifestList = tableFiles.get("manifest list");
    String fileName = manifestList.substring(manifestList.lastIndexOf('/') + 1);
    for (String disguised :
        List.of(
            tablePrefix + "data/%2E%2E/metadata/" + fileName,
            tablePrefix + "data/%2e%2e/metadata/" + fileName,
            tablePrefix + "data/../metadata/" + fileName,
            tablePrefix + "metadata/.%2F" + fileName,
            tablePrefix.replace("/", "%2F") + "metadata%2F" + fileName)) {
      int status = floe.http().send("DELETE", "/" + WAREHOUSE + "/" + disguised, null).statusCode();
      assertThat(status).as(disguised).isEqualTo(403);
    }
    assertTableUnchanged();
  }

  @Test
  void aStagedTableMayReceiveItsFirstFilesBeforeItIsCommitted() throws Exception {
    String staged =
        floe.http()
            .send(
                "POST",
                "/_iceberg/v1/" + WAREHOUSE + "/namespaces/ns/tables",
                "{\"name\":\"staged\",\"stage-create\":true,\"schema\":{\"type\":\"struct\","
                    + "\"schema-id\":0,\"fields\":[{\"id\":1,\"name\":\"id\",\"type\":\"long\","
                    + "\"required\":true}]}}")
            .body();
    String location =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(staged).path("metadata").path("location").asText();
    String firstFile = key(location) + "/metadata/snap-1.avro";

    try (S3Client s3 = s3(floe.server().rootAccessKey(), floe.server().rootSecretKey())) {
      s3.putObject(b -> b.bucket(WAREHOUSE).key(firstFile), RequestBody.fromString("manifest list"));
      assertThat(s3.headObject(b -> b.bucket(WAREHOUSE).key(firstFile)).contentLength()).isPositive();
    }
  }

  @ParameterizedTest
  @MethodSource("callers")
  void theWarehouseBucketCannotBeDeletedOrGivenALifecycle(S3Client s3) {
    try (s3) {
      assertRefused(() -> s3.deleteBucket(b -> b.bucket(WAREHOUSE)), "bucket-configuration");
      assertRefused(
          () -> s3.putBucketLifecycleConfiguration(
              b -> b.bucket(WAREHOUSE).lifecycleConfiguration(expireEverythingAfterOneDay())),
          "bucket-configuration");
    }
    assertTableUnchanged();
  }

  @Test
  void newFilesMayStillBeCreatedUnderTheTableLocationAndRead() {
    try (S3Client s3 = s3(floe.server().rootAccessKey(), floe.server().rootSecretKey())) {
      String key = tablePrefix + "data/" + UUID.randomUUID() + ".parquet";
      s3.putObject(b -> b.bucket(WAREHOUSE).key(key), RequestBody.fromString("new"));
      assertThat(s3.getObjectAsBytes(b -> b.bucket(WAREHOUSE).key(key)).asUtf8String()).isEqualTo("new");
    }
  }

  @Test
  void ordinaryBucketsKeepFullS3Semantics() {
    try (S3Client s3 = s3(floe.server().rootAccessKey(), floe.server().rootSecretKey())) {
      s3.putObject(b -> b.bucket(ASSETS).key("a.txt"), RequestBody.fromString("one"));
      s3.putObject(b -> b.bucket(ASSETS).key("a.txt"), RequestBody.fromString("two"));
      assertThat(s3.getObjectAsBytes(b -> b.bucket(ASSETS).key("a.txt")).asUtf8String()).isEqualTo("two");
      s3.copyObject(b -> b.sourceBucket(ASSETS).sourceKey("replacement.bin")
          .destinationBucket(ASSETS).destinationKey("a.txt"));
      s3.deleteObject(b -> b.bucket(ASSETS).key("a.txt"));
      assertThatThrownBy(() -> s3.headObject(b -> b.bucket(ASSETS).key("a.txt")))
          .isInstanceOf(S3Exception.class);
      // The embedded store may not implement lifecycle rules; what matters is that Floe lets the
      // request through rather than refusing it.
      S3Exception lifecycle =
          catchThrowableOfType(
              S3Exception.class,
              () -> s3.putBucketLifecycleConfiguration(
                  b -> b.bucket(ASSETS).lifecycleConfiguration(expireEverythingAfterOneDay())));
      if (lifecycle != null) {
        assertThat(lifecycle.statusCode()).isNotEqualTo(403);
      }
    }
  }

  @Test
  void refusalsAreCountedByRule() {
    try (S3Client s3 = s3(floe.server().rootAccessKey(), floe.server().rootSecretKey())) {
      assertRefused(() -> s3.deleteObject(b -> b.bucket(WAREHOUSE).key(tableFiles.get("data file"))),
          "no-deletion");
    }
    String metrics = floe.http().send("GET", "/_floe/metrics", null).body();
    assertThat(metrics).contains("floe_guard_refusals_total{rule=\"no-deletion\"}");
  }

  private static void assertRefused(Runnable attempt, String rule) {
    S3Exception refused = catchThrowableOfType(S3Exception.class, attempt::run);
    assertThat(refused).as("expected a refusal by rule " + rule).isNotNull();
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(refused.awsErrorDetails().errorMessage()).contains("integrity guard").contains(rule);
  }

  private static void assertTableUnchanged() {
    Table reloaded = catalog.loadTable(TableIdentifier.of("ns", "events"));
    assertThat(snapshotIds(reloaded)).isEqualTo(snapshotsBefore);
    assertThat(rows(reloaded)).isEqualTo(rowsBefore);
  }

  private static BucketLifecycleConfiguration expireEverythingAfterOneDay() {
    return BucketLifecycleConfiguration.builder()
        .rules(LifecycleRule.builder().id("expire").status(ExpirationStatus.ENABLED)
            .filter(LifecycleRuleFilter.builder().prefix("").build())
            .expiration(LifecycleExpiration.builder().days(1).build()).build())
        .build();
  }

  static S3Client s3(String accessKey, String secretKey) {
    return S3Client.builder()
        .endpointOverride(URI.create(floe.server().endpoint().toString()))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .httpClient(Apache5HttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .build();
  }

  private static String key(String location) {
    return location.substring(("s3://" + WAREHOUSE + "/").length());
  }

  static List<Long> snapshotIds(Table table) {
    List<Long> ids = new ArrayList<>();
    table.snapshots().forEach(snapshot -> ids.add(snapshot.snapshotId()));
    return ids;
  }

  static List<Long> rows(Table table) {
    List<Long> ids = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      records.forEach(record -> ids.add((Long) record.getField("id")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ids.sort(Long::compare);
    return ids;
  }

  static DataFile writeRows(Table table, long firstId, int count) throws IOException {
    DataWriter<Record> writer =
        Parquet.writeData(table.io().newOutputFile(
                table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet")))
            .schema(table.schema())
            .withSpec(table.spec())
            .createWriterFunc(GenericParquetWriter::create)
            .build();
    try (writer) {
      for (long id = firstId; id < firstId + count; id++) {
        GenericRecord record = GenericRecord.create(table.schema());
        record.setField("id", id);
        record.setField("name", "row-" + id);
        writer.write(record);
      }
    }
    return writer.toDataFile();
  }

  /** A deletion vector marking one row of a data file deleted, as Iceberg's writers produce it. */
  static DeleteFile deletionVector(Table table, String dataFile, long position) throws IOException {
    OutputFileFactory files =
        OutputFileFactory.builderFor(table, 1, System.nanoTime()).format(FileFormat.PUFFIN).build();
    BaseDVFileWriter writer = new BaseDVFileWriter(files, path -> null);
    try (writer) {
      writer.delete(dataFile, position, table.spec(), null);
    }
    return writer.result().deleteFiles().get(0);
  }
}
