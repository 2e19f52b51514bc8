package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.floe.server.FloeConfig;
import dev.floe.server.FloeServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code floe admin ...} and the admin API behind it, against a real Floe server. */
class AdminCommandTest {
  private static final String ADMIN_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Action\":[\"floe:AdminList*\",\"floe:AdminGet*\"],\"Resource\":\"*\"}]}";

  @TempDir static Path dataDir;
  private static FloeServer server;

  @TempDir Path configDir;
  @TempDir Path files;
  private Floe floe;

  @BeforeAll
  static void startServer() throws Exception {
    server = FloeServer.start(FloeConfig.forTesting(dataDir));
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void addAlias() {
    floe = new Floe(configDir);
    succeeds("alias", "set", "local", server.endpoint().toString(), server.rootAccessKey(), server.rootSecretKey());
  }

  @Test
  void addsListsDisablesAndRemovesUsers() {
    assertThat(succeeds("admin", "user", "add", "local", "ursula", "ursula-secret-1")).isEqualTo("Added user 'ursula'.\n");
    assertThat(succeeds("admin", "user", "list", "local")).contains("ursula").contains("enabled");

    succeeds("admin", "user", "disable", "local", "ursula");
    JsonNode users = floe.run("admin", "user", "list", "local", "--json").json();
    assertThat(users.get("users").findValuesAsText("name")).contains("ursula");
    assertThat(users.toString()).doesNotContain("ursula-secret-1");
    succeeds("admin", "user", "enable", "local", "ursula");

    assertThat(succeeds("admin", "user", "remove", "local", "ursula")).isEqualTo("Removed user 'ursula'.\n");
    Floe.Result missing = floe.run("admin", "user", "remove", "local", "ursula");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.errLines()).containsExactly("floe: user 'ursula' does not exist");
  }

  @Test
  void createsPoliciesAttachesThemAndDelegatesAdministration() throws IOException {
    succeeds("admin", "user", "add", "local", "ops", "ops-secret-1");
    Path policyFile = Files.writeString(files.resolve("auditor.json"), ADMIN_POLICY);
    succeeds("admin", "policy", "create", "local", "auditor", policyFile.toString());
    assertThat(succeeds("admin", "policy", "list", "local")).contains("auditor");
    assertThat(succeeds("admin", "policy", "show", "local", "auditor")).contains("floe:AdminList*");

    succeeds("alias", "set", "ops", server.endpoint().toString(), "ops", "ops-secret-1");
    Floe.Result refused = floe.run("admin", "user", "list", "ops");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("may not perform floe:AdminListUsers");

    assertThat(succeeds("admin", "policy", "attach", "local", "auditor", "--user", "ops"))
        .isEqualTo("Attached policy 'auditor' to user 'ops'.\n");
    assertThat(succeeds("admin", "user", "list", "ops")).contains("ops");
    Floe.Result stillRefused = floe.run("admin", "user", "add", "ops", "mallory", "mallory-secret");
    assertThat(stillRefused.err()).contains("may not perform floe:AdminCreateUser");

    Floe.Result inUse = floe.run("admin", "policy", "remove", "local", "auditor");
    assertThat(inUse.err()).contains("is attached to user 'ops'");
    succeeds("admin", "policy", "detach", "local", "auditor", "--user", "ops");
    succeeds("admin", "policy", "remove", "local", "auditor");
  }

  @Test
  void refusesAnInvalidPolicyWithTheParsersMessage() throws IOException {
    Path bad = Files.writeString(files.resolve("bad.json"), "{\"Statement\":[{\"Effect\":\"Perhaps\"}]}");
    Floe.Result result = floe.run("admin", "policy", "create", "local", "bad", bad.toString());
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.errLines()).singleElement().asString().startsWith("floe: invalid policy:");
  }

  @Test
  void createsListsAndRemovesAccessKeysShowingTheSecretOnlyOnce() {
    succeeds("admin", "user", "add", "local", "kim", "kim-secret-1");
    JsonNode key = floe.run("admin", "accesskey", "create", "local", "kim", "--json").json();
    String id = key.get("access-key").asText();
    String secret = key.get("secret-key").asText();
    assertThat(secret).hasSize(40);

    String listing = succeeds("admin", "accesskey", "list", "local", "kim", "--json");
    assertThat(listing).contains(id).doesNotContain(secret).doesNotContain("sealed");

    succeeds("alias", "set", "kim2", server.endpoint().toString(), id, secret);
    Floe.Result signedWithNewKey = floe.run("admin", "user", "list", "kim2");
    assertThat(signedWithNewKey.err()).contains("may not perform floe:AdminListUsers");

    succeeds("admin", "accesskey", "remove", "local", id);
    assertThat(succeeds("admin", "accesskey", "list", "local", "kim")).doesNotContain(id);
  }

  @Test
  void managesGroupsWithMcAdminShapes() throws IOException {
    succeeds("admin", "user", "add", "local", "gina", "gina-secret-1");
    succeeds("admin", "user", "add", "local", "hank", "hank-secret-1");
    assertThat(succeeds("admin", "group", "add", "local", "analysts", "gina", "hank"))
        .isEqualTo("Created group 'analysts' with members gina, hank.\n");
    Path policyFile = Files.writeString(files.resolve("auditor.json"), ADMIN_POLICY);
    succeeds("admin", "policy", "create", "local", "group-auditor", policyFile.toString());
    succeeds("admin", "policy", "attach", "local", "group-auditor", "--group", "analysts");

    succeeds("alias", "set", "gina", server.endpoint().toString(), "gina", "gina-secret-1");
    assertThat(succeeds("admin", "group", "list", "gina")).contains("analysts").contains("gina,hank");

    Floe.Result notEmpty = floe.run("admin", "group", "remove", "local", "analysts");
    assertThat(notEmpty.err()).contains("still has members");
    succeeds("admin", "group", "remove", "local", "analysts", "gina", "hank");
    succeeds("admin", "policy", "detach", "local", "group-auditor", "--group", "analysts");
    assertThat(succeeds("admin", "group", "remove", "local", "analysts")).isEqualTo("Removed group 'analysts'.\n");
  }

  @Test
  void theSystemBucketsObjectsDoNotContainAnySecretInClear() throws IOException {
    List<String> secrets = List.of("zed-first-secret", "zed-explicit-secret-2");
    succeeds("admin", "user", "add", "local", "zed", secrets.get(0));
    succeeds("admin", "accesskey", "create", "local", "zed", "--access-key", "zedkey2", "--secret-key", secrets.get(1));
    String generated =
        floe.run("admin", "accesskey", "create", "local", "zed", "--json").json().get("secret-key").asText();

    // The embedded store is S3Proxy's filesystem backend: every object of every bucket is a file
    // under the data directory, read here directly rather than through Floe.
    List<Path> objects;
    try (Stream<Path> walk = Files.walk(dataDir)) {
      objects = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(objects).anyMatch(p -> p.toString().contains("access-keys"));
    for (Path object : objects) {
      String content = new String(Files.readAllBytes(object), StandardCharsets.ISO_8859_1);
      for (String secret : List.of(secrets.get(0), secrets.get(1), generated)) {
        assertThat(content).as(object.toString()).doesNotContain(secret);
      }
    }
  }

  private String succeeds(String... args) {
    Floe.Result result = floe.run(args);
    assertThat(result.exitCode()).as("floe %s failed: %s", String.join(" ", args), result.err()).isZero();
    return result.out();
  }
}
