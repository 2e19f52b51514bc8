package dev.floe.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 API enforces policies (DESIGN §4): {@code s3:} actions on ordinary buckets, and {@code
 * s3tables:GetTableData}/{@code PutTableData} on the owning table for a table's files. Each user
 * talks to Floe through the AWS SDK v2; what its policy allows succeeds, everything else is a 403
 * AccessDenied naming the action and the resource.
 */
class S3AuthorizationTest {
  private static final String WAREHOUSE = "lake";
  private static final String ASSETS = "assets";
  private static final Schema SCHEMA = new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));
  private static final String READ_ONLY_WAREHOUSE_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S3TablesReadOnlyWarehouse\",\"Effect\":\"Allow\","
          + "\"Action\":[\"s3tables:GetTableBucket\",\"s3tables:ListNamespaces\",\"s3tables:GetNamespace\","
          + "\"s3tables:ListTables\",\"s3tables:GetTable\"],\"Resource\":[\"arn:aws:s3tables:::bucket/lake\","
          + "\"arn:aws:s3tables:::bucket/lake/table/*\"]}]}";

  @TempDir static Path dataDir;
  private static FloeTestServer floe;
  private static final Map<String, S3Client> clients = new HashMap<>();
  private static String events;
  private static String eventsArn;
  private static String eventsFile;
  private static String eventsMetadata;
  private static String other;
  private static String otherFile;
  private static String otherMetadata;

  @BeforeAll
  static void startServerWithBucketsTablesAndUsers() throws Exception {
    floe = FloeTestServer.start(dataDir);
    floe.createWarehouse(WAREHOUSE);
    try (RESTCatalog catalog = floe.catalog(WAREHOUSE)) {
      catalog.createNamespace(Namespace.of("ns"));
      Table eventsTable = catalog.createTable(TableIdentifier.of("ns", "events"), SCHEMA);
      Table otherTable = catalog.createTable(TableIdentifier.of("ns", "other"), SCHEMA);
      events = prefixOf(eventsTable);
      other = prefixOf(otherTable);
      eventsMetadata = key(metadataLocation(eventsTable));
      otherMetadata = key(metadataLocation(otherTable));
    }
    eventsArn = "arn:aws:s3tables:::bucket/" + WAREHOUSE + "/table/" + events.substring(0, events.length() - 1);
    eventsFile = events + "data/seed.parquet";
    otherFile = other + "data/seed.parquet";
    S3Client rootS3 = s3(floe.server().rootAccessKey());
    rootS3.createBucket(b -> b.bucket(ASSETS));
    put(rootS3, ASSETS, "public/a.txt");
    put(rootS3, ASSETS, "private/b.txt");
    put(rootS3, WAREHOUSE, eventsFile);
    put(rootS3, WAREHOUSE, otherFile);

    addUser(
        "reader",
        allow("s3:GetObject", "arn:aws:s3:::assets/public/*"),
        "{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::assets\","
            + "\"Condition\":{\"StringLike\":{\"s3:prefix\":\"public/*\"}}}");
    addUser("writer", allow("s3:PutObject", "arn:aws:s3:::assets/*"));
    addUser(
        "cleaner",
        allow("s3:DeleteObject", "arn:aws:s3:::assets/scratch/*"),
        "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::assets/*\"},"
            + "{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::assets/private/*\"}");
    addUser(
        "denied",
        allow("s3:*", "arn:aws:s3:::assets\",\"arn:aws:s3:::assets/*"),
        "{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::assets/private/*\"}");
    addUser("tablereader", allow("s3tables:GetTableData", eventsArn));
    addUser("namedreader", allow("s3tables:GetTableData", "arn:aws:s3tables:::bucket/" + WAREHOUSE + "/table/ns/events"));
    addUser(
        "nsreader",
        "{\"Effect\":\"Allow\",\"Action\":\"s3tables:GetTableData\",\"Resource\":\"arn:aws:s3tables:::bucket/" + WAREHOUSE + "/table/*\","
            + "\"Condition\":{\"StringEquals\":{\"s3tables:namespace\":\"ns\"}}},"
            + "{\"Effect\":\"Deny\",\"Action\":\"s3tables:GetTableData\",\"Resource\":\"arn:aws:s3tables:::bucket/" + WAREHOUSE + "/table/ns/other\"}");
    addUser("tablewriter", allow("s3tables:GetTableData\",\"s3tables:PutTableData", eventsArn));
    addUserWithPolicy("catalogreader", READ_ONLY_WAREHOUSE_POLICY);
  }

  @AfterAll
  static void stopServer() throws Exception {
    clients.values().forEach(S3Client::close);
    if (floe != null) {
      floe.close();
    }
  }

  @Test
  void aPrefixScopedReaderReadsAndListsOnlyUnderItsPrefix() {
    S3Client reader = s3("reader");
    assertThat(reader.getObjectAsBytes(b -> b.bucket(ASSETS).key("public/a.txt")).asUtf8String()).isEqualTo("public/a.txt");
    assertThat(reader.listObjectsV2(b -> b.bucket(ASSETS).prefix("public/")).contents()).hasSize(1);

    assertDenied(() -> reader.getObject(b -> b.bucket(ASSETS).key("private/b.txt")), "s3:GetObject on arn:aws:s3:::assets/private/b.txt");
    assertDenied(() -> reader.listObjectsV2(b -> b.bucket(ASSETS)), "s3:ListBucket on arn:aws:s3:::assets");
    assertDenied(() -> reader.listObjectsV2(b -> b.bucket(ASSETS).prefix("private/")), "s3:ListBucket on arn:aws:s3:::assets");
    assertDenied(() -> put(reader, ASSETS, "public/new.txt"), "s3:PutObject on arn:aws:s3:::assets/public/new.txt");
    assertDenied(reader::listBuckets, "s3:ListAllMyBuckets on arn:aws:s3:::*");
  }

  @Test
  void aWriteOnlyUserWritesButCannotReadListOrDelete() {
    S3Client writer = s3("writer");
    put(writer, ASSETS, "drop/w.txt");

    assertDenied(() -> writer.getObject(b -> b.bucket(ASSETS).key("drop/w.txt")), "s3:GetObject on arn:aws:s3:::assets/drop/w.txt");
    assertDenied(() -> writer.listObjectsV2(b -> b.bucket(ASSETS)), "s3:ListBucket on arn:aws:s3:::assets");
    assertDenied(() -> writer.deleteObject(b -> b.bucket(ASSETS).key("drop/w.txt")), "s3:DeleteObject on arn:aws:s3:::assets/drop/w.txt");
    assertDenied(
        () -> writer.copyObject(b -> b.sourceBucket(ASSETS).sourceKey("private/b.txt").destinationBucket(ASSETS).destinationKey("drop/copy.txt")),
        "s3:GetObject on arn:aws:s3:::assets/private/b.txt");
    assertDenied(() -> writer.putBucketTagging(b -> b.bucket(ASSETS).tagging(t -> t.tagSet(List.of()))), "s3:PutBucketTagging on arn:aws:s3:::assets");
  }

  @Test
  void aBatchDeleteIsAuthorizedKeyByKey() {
    S3Client rootS3 = s3(floe.server().rootAccessKey());
    put(rootS3, ASSETS, "scratch/1.txt");
    put(rootS3, ASSETS, "scratch/2.txt");
    S3Client cleaner = s3("cleaner");

    assertDenied(
        () -> cleaner.deleteObjects(b -> b.bucket(ASSETS).delete(d -> d.objects(
            o -> o.key("scratch/1.txt"), o -> o.key("private/b.txt")))),
        "s3:DeleteObject on arn:aws:s3:::assets/private/b.txt");
    assertThat(rootS3.getObjectAsBytes(b -> b.bucket(ASSETS).key("private/b.txt")).asUtf8String()).isEqualTo("private/b.txt");
    assertThat(rootS3.getObjectAsBytes(b -> b.bucket(ASSETS).key("scratch/1.txt")).asUtf8String()).isEqualTo("scratch/1.txt");

    assertThat(cleaner.deleteObjects(b -> b.bucket(ASSETS).delete(d -> d.objects(
            o -> o.key("scratch/1.txt"), o -> o.key("scratch/2.txt")))).deleted())
        .hasSize(2);
    assertThat(rootS3.listObjectsV2(b -> b.bucket(ASSETS).prefix("scratch/")).contents()).isEmpty();
  }

  @Test
  void aMalformedBatchDeleteIsRefusedBeforeItReachesTheStore() {
    HttpResponse<String> response = floe.as("cleaner").send("POST", "/" + ASSETS + "?delete", "<Delete><Object><Key>scratch/x");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>MalformedXML</Code>");
  }

  @Test
  void anExplicitDenyWinsOverAnAllow() {
    S3Client denied = s3("denied");
    assertThat(denied.getObjectAsBytes(b -> b.bucket(ASSETS).key("public/a.txt")).asUtf8String()).isEqualTo("public/a.txt");
    assertThat(denied.listObjectsV2(b -> b.bucket(ASSETS)).contents()).isNotEmpty();
    put(denied, ASSETS, "private/c.txt");

    assertDenied(() -> denied.getObject(b -> b.bucket(ASSETS).key("private/b.txt")), "s3:GetObject on arn:aws:s3:::assets/private/b.txt");
    assertThat(statusOf(() -> denied.headObject(b -> b.bucket(ASSETS).key("private/b.txt")))).isEqualTo(403);
    assertDenied(() -> denied.getObject(b -> b.bucket(WAREHOUSE).key(eventsFile)), "s3tables:GetTableData on " + eventsArn);
  }

  @Test
  void tableDataReadersReadTheirTableAndNothingElse() {
    S3Client reader = s3("tablereader");
    assertThat(reader.getObjectAsBytes(b -> b.bucket(WAREHOUSE).key(eventsFile)).asUtf8String()).isEqualTo(eventsFile);
    assertThat(reader.headObject(b -> b.bucket(WAREHOUSE).key(eventsMetadata)).contentLength()).isPositive();
    assertThat(reader.listObjectsV2(b -> b.bucket(WAREHOUSE).prefix(events)).contents()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(statusOf(() -> reader.getObject(b -> b.bucket(WAREHOUSE).key(events + "data/missing.parquet")))).isEqualTo(404);

    assertDenied(() -> put(reader, WAREHOUSE, events + "data/new.parquet"), "s3tables:PutTableData on " + eventsArn);
    assertDenied(() -> reader.getObject(b -> b.bucket(WAREHOUSE).key(otherFile)), "s3tables:GetTableData on " + tableArn(other));
    assertDenied(() -> reader.listObjectsV2(b -> b.bucket(WAREHOUSE)), "s3:ListBucket on arn:aws:s3:::" + WAREHOUSE);
  }

  @Test
  void policiesNamingATableByNameOrNamespaceReachItsFiles() {
    S3Client named = s3("namedreader");
    assertThat(named.getObjectAsBytes(b -> b.bucket(WAREHOUSE).key(eventsFile)).asUtf8String()).isEqualTo(eventsFile);
    assertThat(named.listObjectsV2(b -> b.bucket(WAREHOUSE).prefix(events)).contents()).isNotEmpty();
    assertDenied(() -> named.getObject(b -> b.bucket(WAREHOUSE).key(otherFile)), "s3tables:GetTableData on " + tableArn(other));

    S3Client byNamespace = s3("nsreader");
    assertThat(byNamespace.getObjectAsBytes(b -> b.bucket(WAREHOUSE).key(eventsFile)).asUtf8String()).isEqualTo(eventsFile);
    assertDenied(
        () -> byNamespace.getObject(b -> b.bucket(WAREHOUSE).key(otherFile)),
        "s3tables:GetTableData on " + tableArn(other));
  }

  @Test
  void aTableDataWriterWritesItsTableButCannotTouchAnotherTableAnotherBucketOrCatalogState() {
    S3Client writer = s3("tablewriter");
    put(writer, WAREHOUSE, events + "data/written.parquet");
    String upload =
        writer.createMultipartUpload(b -> b.bucket(WAREHOUSE).key(events + "data/multipart.parquet")).uploadId();
    String etag =
        writer
            .uploadPart(b -> b.bucket(WAREHOUSE).key(events + "data/multipart.parquet").uploadId(upload).partNumber(1),
                RequestBody.fromString("part"))
            .eTag();
    writer.completeMultipartUpload(
        b -> b.bucket(WAREHOUSE).key(events + "data/multipart.parquet").uploadId(upload)
            .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
    assertThat(writer.getObjectAsBytes(b -> b.bucket(WAREHOUSE).key(events + "data/multipart.parquet")).asUtf8String())
        .isEqualTo("part");

    assertDenied(() -> put(writer, WAREHOUSE, other + "data/intruder.parquet"), "s3tables:PutTableData on " + tableArn(other));
    assertDenied(() -> writer.getObject(b -> b.bucket(WAREHOUSE).key(otherFile)), "s3tables:GetTableData on " + tableArn(other));
    assertDenied(() -> put(writer, ASSETS, "x.txt"), "s3:PutObject on arn:aws:s3:::assets/x.txt");
    assertDenied(
        () -> writer.getObject(b -> b.bucket(WAREHOUSE).key(".floe/warehouse.json")),
        "s3:GetObject on arn:aws:s3:::" + WAREHOUSE + "/.floe/warehouse.json");
    assertDenied(
        () -> put(writer, WAREHOUSE, ".floe/entities/forged.json"),
        "s3:PutObject on arn:aws:s3:::" + WAREHOUSE + "/.floe/entities/forged.json");
    assertDenied(
        () -> writer.copyObject(b -> b.sourceBucket(WAREHOUSE).sourceKey(otherFile).destinationBucket(WAREHOUSE)
            .destinationKey(events + "data/stolen.parquet")),
        "s3tables:GetTableData on " + tableArn(other));
  }

  @Test
  void theGuardStillRefusesWhatPoliciesAllowOnTableFiles() {
    S3Client writer = s3("tablewriter");
    S3Exception refused =
        catchThrowableOfType(() -> writer.deleteObject(b -> b.bucket(WAREHOUSE).key(eventsFile)), S3Exception.class);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.awsErrorDetails().errorMessage()).doesNotContain("may not perform");
    assertThat(writer.getObjectAsBytes(b -> b.bucket(WAREHOUSE).key(eventsFile)).asUtf8String()).isEqualTo(eventsFile);
  }

  @Test
  void aDenialLooksTheSameWhetherOrNotTheProtectedKeyExists() {
    S3Client writer = s3("tablewriter");
    S3Exception existing = catchThrowableOfType(() -> put(writer, WAREHOUSE, otherMetadata), S3Exception.class);
    String missingKey = other + "metadata/99999-missing.metadata.json";
    S3Exception missing = catchThrowableOfType(() -> put(writer, WAREHOUSE, missingKey), S3Exception.class);
    assertThat(existing.statusCode()).isEqualTo(missing.statusCode()).isEqualTo(403);
    assertThat(existing.awsErrorDetails().errorMessage())
        .isEqualTo(missing.awsErrorDetails().errorMessage())
        .isEqualTo("Access denied: tablewriter may not perform s3tables:PutTableData on " + tableArn(other));
  }

  @Test
  void theReadOnlyWarehousePolicyGrantsNoTableData() {
    S3Client catalogReader = s3("catalogreader");
    assertDenied(() -> catalogReader.getObject(b -> b.bucket(WAREHOUSE).key(eventsFile)), "s3tables:GetTableData on " + eventsArn);
    assertDenied(() -> catalogReader.getObject(b -> b.bucket(WAREHOUSE).key(eventsMetadata)), "s3tables:GetTableData on " + eventsArn);
    assertDenied(() -> catalogReader.listObjectsV2(b -> b.bucket(WAREHOUSE)), "s3:ListBucket on arn:aws:s3:::" + WAREHOUSE);
  }

  @Test
  void rootBypassesPolicies() {
    S3Client rootS3 = s3(floe.server().rootAccessKey());
    assertThat(rootS3.getObjectAsBytes(b -> b.bucket(ASSETS).key("private/b.txt")).asUtf8String()).isEqualTo("private/b.txt");
    assertThat(rootS3.getObjectAsBytes(b -> b.bucket(WAREHOUSE).key(otherFile)).asUtf8String()).isEqualTo(otherFile);
    assertThat(rootS3.listBuckets().buckets()).isNotEmpty();
  }

  private static void assertDenied(ThrowingCallable call, String actionOnResource) {
    S3Exception denied = catchThrowableOfType(call, S3Exception.class);
    assertThat(denied).as("expected a denial of " + actionOnResource).isNotNull();
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(denied.awsErrorDetails().errorMessage()).contains("may not perform " + actionOnResource);
  }

  private static int statusOf(ThrowingCallable call) {
    return catchThrowableOfType(call, S3Exception.class).statusCode();
  }

  private static void put(S3Client s3, String bucket, String key) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key));
  }

  private static String prefixOf(Table table) {
    return key(table.location()) + "/";
  }

  private static String metadataLocation(Table table) {
    return ((org.apache.iceberg.HasTableOperations) table).operations().current().metadataFileLocation();
  }

  private static String key(String location) {
    return location.substring(("s3://" + WAREHOUSE + "/").length());
  }

  private static String tableArn(String tablePrefix) {
    return "arn:aws:s3tables:::bucket/" + WAREHOUSE + "/table/" + tablePrefix.substring(0, tablePrefix.length() - 1);
  }

  private static S3Client s3(String user) {
    return clients.computeIfAbsent(
        user,
        name ->
            S3Client.builder()
                .endpointOverride(URI.create(floe.server().endpoint().toString()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClient(Apache5HttpClient.create())
                .credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(
                            name, name.equals(floe.server().rootAccessKey()) ? floe.server().rootSecretKey() : FloeTestServer.secretOf(name))))
                .build());
  }

  private static void addUser(String user, String... statements) {
    addUserWithPolicy(user, "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}");
  }

  private static void addUserWithPolicy(String user, String policyDocument) {
    floe.addUser(user, policyDocument);
  }

  /** An Allow statement; {@code actions} and {@code resources} are comma-joined quoted lists without their outer quotes. */
  private static String allow(String actions, String resources) {
    return "{\"Effect\":\"Allow\",\"Action\":[\"" + actions + "\"],\"Resource\":[\"" + resources + "\"]}";
  }

}
