package dev.floe.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.floe.auth.Credential;
import dev.floe.auth.Principal;
import dev.floe.auth.identity.SecretSeal;
import dev.floe.auth.session.SessionCredentials;
import dev.floe.auth.session.TableDataScope;
import dev.floe.auth.session.VendedCredentials;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Schema;
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
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Credential vending without STS (DESIGN §4): {@code X-Iceberg-Access-Delegation:
 * vended-credentials} on loadTable returns session credentials that read — and, when the caller
 * may write, write — the files of that one table through Floe's S3 API, and nothing else.
 * Tampered, foreign and orphaned tokens are refused.
 */
class VendedCredentialsTest {
  private static final String WAREHOUSE = "lake";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> VENDED = Map.of("X-Iceberg-Access-Delegation", "vended-credentials");
  private static final Schema SCHEMA = new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));

  @TempDir static Path dataDir;
  private static FloeTestServer floe;
  private static SignedHttp root;
  private static String events;
  private static String other;

  @BeforeAll
  static void startServerWithTwoTablesAndUsers() throws Exception {
    floe = FloeTestServer.start(dataDir);
    root = floe.http();
    floe.createWarehouse(WAREHOUSE);
    try (RESTCatalog catalog = floe.catalog(WAREHOUSE)) {
      catalog.createNamespace(Namespace.of("ns"));
      events = FloeTestServer.uuidOf(catalog.createTable(TableIdentifier.of("ns", "events"), SCHEMA));
      other = FloeTestServer.uuidOf(catalog.createTable(TableIdentifier.of("ns", "other"), SCHEMA));
    }
    S3Client rootS3 = s3(AwsBasicCredentials.create(floe.server().rootAccessKey(), floe.server().rootSecretKey()));
    rootS3.createBucket(b -> b.bucket("assets"));
    put(rootS3, "assets", "a.txt");
    put(rootS3, WAREHOUSE, events + "/data/seed.parquet");
    put(rootS3, WAREHOUSE, other + "/data/seed.parquet");
    floe.addUserAllowedOnTables("writer", WAREHOUSE, "s3tables:GetTable", "s3tables:GetTableData", "s3tables:PutTableData");
    floe.addUserAllowedOnTables("reader", WAREHOUSE, "s3tables:GetTable", "s3tables:GetTableData");
    floe.addUserAllowedOnTables("looker", WAREHOUSE, "s3tables:GetTable");
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (floe != null) {
      floe.close();
    }
  }

  @Test
  void loadTableVendsCredentialsScopedToTheTablesLocation() {
    JsonNode loaded = loadWithCredentials(floe.as("writer"), "events");
    JsonNode credential = loaded.at("/storage-credentials/0");
    assertThat(credential.get("prefix").asText()).isEqualTo("s3://lake/" + events + "/");
    for (String key : new String[] {"s3.access-key-id", "s3.secret-access-key", "s3.session-token", "s3.session-token-expires-at-ms"}) {
      assertThat(credential.at("/config/" + key).asText()).as(key).isNotEmpty();
      assertThat(loaded.at("/config/" + key).asText()).as(key).isEqualTo(credential.at("/config/" + key).asText());
    }
    assertThat(loaded.at("/config/client.refresh-credentials-endpoint").asText())
        .isEqualTo("v1/lake/namespaces/ns/tables/events/credentials");
    long expiresAt = credential.at("/config/s3.session-token-expires-at-ms").asLong();
    assertThat(expiresAt - System.currentTimeMillis()).isBetween(Duration.ofMinutes(55).toMillis(), Duration.ofMinutes(61).toMillis());
    assertThat(loaded.toString()).doesNotContain(floe.server().rootSecretKey());
  }

  @Test
  void aWritersCredentialsReadAndWriteItsTableAndNothingElse() {
    S3Client vended = s3(vendedTo(floe.as("writer"), "events"));
    put(vended, WAREHOUSE, events + "/data/new.parquet");
    assertThat(vended.getObjectAsBytes(b -> b.bucket(WAREHOUSE).key(events + "/data/seed.parquet")).asUtf8String())
        .isEqualTo(events + "/data/seed.parquet");
    assertThat(vended.listObjectsV2(b -> b.bucket(WAREHOUSE).prefix(events + "/data/")).contents()).hasSize(2);

    assertRefused(() -> vended.getObject(b -> b.bucket(WAREHOUSE).key(other + "/data/seed.parquet")), 403);
    assertRefused(() -> put(vended, WAREHOUSE, other + "/data/intruder.parquet"), 403);
    assertRefused(() -> vended.listObjectsV2(b -> b.bucket(WAREHOUSE).prefix(other + "/")), 403);
    assertRefused(() -> vended.listObjectsV2(b -> b.bucket(WAREHOUSE)), 403);
    assertRefused(() -> vended.getObject(b -> b.bucket("assets").key("a.txt")), 403);
    assertRefused(() -> put(vended, "assets", "b.txt"), 403);
    assertRefused(() -> vended.getObject(b -> b.bucket(WAREHOUSE).key(".floe/registry.json")), 403);
    assertRefused(() -> vended.getObject(b -> b.bucket("floe-system").key("anything")), 403);
    assertRefused(vended::listBuckets, 403);
  }

  @Test
  void presignedUrlsMadeWithVendedCredentialsCarryTheirScope() throws Exception {
    AwsSessionCredentials vended = vendedTo(floe.as("reader"), "events");
    try (S3Presigner presigner =
        S3Presigner.builder()
            .endpointOverride(URI.create(floe.server().endpoint().toString()))
            .region(Region.US_EAST_1)
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .credentialsProvider(StaticCredentialsProvider.create(vended))
            .build()) {
      URI own = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
          .getObjectRequest(g -> g.bucket(WAREHOUSE).key(events + "/data/seed.parquet"))).url().toURI();
      URI foreign = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
          .getObjectRequest(g -> g.bucket(WAREHOUSE).key(other + "/data/seed.parquet"))).url().toURI();
      assertThat(own.getRawQuery()).contains("X-Amz-Security-Token=");
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      assertThat(http.send(java.net.http.HttpRequest.newBuilder(own).build(), HttpResponse.BodyHandlers.ofString()).body())
          .isEqualTo(events + "/data/seed.parquet");
      assertThat(http.send(java.net.http.HttpRequest.newBuilder(foreign).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(403);
    }
  }

  @Test
  void aReadersCredentialsOnlyRead() {
    S3Client vended = s3(vendedTo(floe.as("reader"), "events"));
    assertThat(vended.getObjectAsBytes(b -> b.bucket(WAREHOUSE).key(events + "/data/seed.parquet")).asUtf8String())
        .isEqualTo(events + "/data/seed.parquet");
    S3Exception refused = assertRefused(() -> put(vended, WAREHOUSE, events + "/data/new-by-reader.parquet"), 403);
    assertThat(refused.awsErrorDetails().errorMessage()).contains("s3tables:PutTableData");
  }

  @Test
  void aPolicyNamingTheTableByNameVendsWorkingCredentials() {
    floe.addUser(
        "named",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3tables:GetTable\","
            + "\"s3tables:GetTableData\"],\"Resource\":\"arn:aws:s3tables:::bucket/lake/table/ns/events\"}]}");
    S3Client vended = s3(vendedTo(floe.as("named"), "events"));
    assertThat(vended.getObjectAsBytes(b -> b.bucket(WAREHOUSE).key(events + "/data/seed.parquet")).asUtf8String())
        .isEqualTo(events + "/data/seed.parquet");
    assertRefused(() -> vended.getObject(b -> b.bucket(WAREHOUSE).key(other + "/data/seed.parquet")), 403);
  }

  @Test
  void aCallerWithoutDataAccessGetsNoCredentials() {
    HttpResponse<String> response =
        floe.as("looker").send("GET", "/_iceberg/v1/lake/namespaces/ns/tables/events", null, VENDED);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("may not perform s3tables:GetTableData on arn:aws:s3tables:::bucket/lake/table/ns/events");
    assertThat(floe.as("looker").send("GET", "/_iceberg/v1/lake/namespaces/ns/tables/events", null).statusCode()).isEqualTo(200);
  }

  @Test
  void rootsVendedCredentialsAreScopedToTheTableToo() {
    S3Client vended = s3(vendedTo(root, "events"));
    assertThat(vended.getObjectAsBytes(b -> b.bucket(WAREHOUSE).key(events + "/data/seed.parquet")).asUtf8String()).isNotEmpty();
    assertRefused(() -> vended.getObject(b -> b.bucket(WAREHOUSE).key(other + "/data/seed.parquet")), 403);
    assertRefused(() -> vended.getObject(b -> b.bucket("assets").key("a.txt")), 403);
  }

  @Test
  void theCredentialsEndpointRefreshesThem() throws Exception {
    AwsSessionCredentials first = vendedTo(floe.as("reader"), "events");
    HttpResponse<String> response = floe.as("reader").send("GET", "/_iceberg/v1/lake/namespaces/ns/tables/events/credentials", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode credential = JSON.readTree(response.body()).at("/storage-credentials/0");
    assertThat(credential.get("prefix").asText()).isEqualTo("s3://lake/" + events + "/");
    AwsSessionCredentials refreshed = sessionCredentials(credential.get("config"));
    assertThat(refreshed.accessKeyId()).isNotEqualTo(first.accessKeyId());
    assertThat(s3(refreshed).getObjectAsBytes(b -> b.bucket(WAREHOUSE).key(events + "/data/seed.parquet")).asUtf8String())
        .isNotEmpty();
    assertThat(floe.as("looker").send("GET", "/_iceberg/v1/lake/namespaces/ns/tables/events/credentials", null).statusCode())
        .isEqualTo(403);
  }

  @Test
  void tamperedForeignAndMismatchedTokensAreRefused() {
    AwsSessionCredentials good = vendedTo(floe.as("reader"), "events");
    String token = good.sessionToken();
    int middle = token.length() / 2;
    String tampered = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);
    assertTokenRefused(AwsSessionCredentials.create(good.accessKeyId(), good.secretAccessKey(), tampered), "InvalidToken");

    SessionCredentials foreignServer =
        new SessionCredentials(
            SecretSeal.fromBase64("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),
            accessKeyId -> Optional.of(new Credential("reader", "reader-secret-key", new Principal("reader", "reader", false))),
            Clock.systemUTC());
    VendedCredentials foreign =
        foreignServer.mint(new Principal("reader", "reader", false), new TableDataScope(WAREHOUSE, events, true), Duration.ofMinutes(5));
    assertTokenRefused(
        AwsSessionCredentials.create(foreign.accessKeyId(), foreign.secretAccessKey(), foreign.sessionToken()), "InvalidToken");

    AwsSessionCredentials another = vendedTo(floe.as("reader"), "events");
    assertTokenRefused(AwsSessionCredentials.create(another.accessKeyId(), good.secretAccessKey(), token), "InvalidToken");

    S3Exception withoutToken =
        assertRefused(
            () -> s3(AwsBasicCredentials.create(good.accessKeyId(), good.secretAccessKey()))
                .getObject(b -> b.bucket(WAREHOUSE).key(events + "/data/seed.parquet")),
            403);
    assertThat(withoutToken.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId");
  }

  @Test
  void vendedCredentialsDoNotOpenTheCatalog() {
    AwsSessionCredentials vended = vendedTo(root, "events");
    SignedHttp withSession =
        new SignedHttp(floe.server().endpoint(), vended.accessKeyId(), vended.secretAccessKey());
    HttpResponse<String> response =
        withSession.send(
            "GET", "/_iceberg/v1/lake/namespaces/ns/tables/events", null, Map.of("x-amz-security-token", vended.sessionToken()));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("may not perform s3tables:GetTable");
  }

  @Test
  void credentialsStopWorkingWhenTheirOwnerIsDisabled() {
    floe.addUserAllowedOnTables("leaver", WAREHOUSE, "s3tables:GetTable", "s3tables:GetTableData");
    S3Client vended = s3(vendedTo(floe.as("leaver"), "events"));
    assertThat(vended.getObjectAsBytes(b -> b.bucket(WAREHOUSE).key(events + "/data/seed.parquet")).asUtf8String()).isNotEmpty();
    ok(root.send("POST", "/_floe/v1/admin/users/leaver/disable", null));
    S3Exception refused = assertRefused(() -> vended.getObject(b -> b.bucket(WAREHOUSE).key(events + "/data/seed.parquet")), 403);
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId");
  }

  private static void assertTokenRefused(AwsSessionCredentials credentials, String errorCode) {
    S3Exception refused =
        assertRefused(() -> s3(credentials).getObject(b -> b.bucket(WAREHOUSE).key(events + "/data/seed.parquet")), 400);
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo(errorCode);
  }

  private static S3Exception assertRefused(ThrowingCallable call, int status) {
    S3Exception refused = catchThrowableOfType(call, S3Exception.class);
    assertThat(refused).as("expected a refusal").isNotNull();
    assertThat(refused.statusCode()).as(refused.getMessage()).isEqualTo(status);
    return refused;
  }

  private static JsonNode loadWithCredentials(SignedHttp caller, String table) {
    HttpResponse<String> response = caller.send("GET", "/_iceberg/v1/lake/namespaces/ns/tables/" + table, null, VENDED);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    try {
      return JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static AwsSessionCredentials vendedTo(SignedHttp caller, String table) {
    return sessionCredentials(loadWithCredentials(caller, table).at("/storage-credentials/0/config"));
  }

  private static AwsSessionCredentials sessionCredentials(JsonNode config) {
    return AwsSessionCredentials.create(
        config.get("s3.access-key-id").asText(), config.get("s3.secret-access-key").asText(), config.get("s3.session-token").asText());
  }

  private static S3Client s3(AwsCredentials credentials) {
    return S3Client.builder()
        .endpointOverride(URI.create(floe.server().endpoint().toString()))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .httpClient(Apache5HttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .build();
  }

  private static void put(S3Client s3, String bucket, String key) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key));
  }

  private static void ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
  }
}
