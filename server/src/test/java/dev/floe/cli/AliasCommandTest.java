package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AliasCommandTest {
  @TempDir Path configDir;

  private Floe floe;

  @BeforeEach
  void setUp() {
    floe = new Floe(configDir);
  }

  @Test
  void setStoresTheAliasInConfigJsonReadableOnlyByTheOwner() throws Exception {
    Floe.Result set =
        floe.run("alias", "set", "local", "http://127.0.0.1:9000/", "admin", "s3cr3t-value");

    assertThat(set.exitCode()).isZero();
    assertThat(set.out()).contains("Added alias 'local' for http://127.0.0.1:9000.");
    Path file = configDir.resolve("config.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    JsonNode stored = new ObjectMapper().readTree(file.toFile());
    assertThat(stored.at("/aliases/local/url").asText()).isEqualTo("http://127.0.0.1:9000");
    assertThat(stored.at("/aliases/local/secretKey").asText()).isEqualTo("s3cr3t-value");
    assertThat(stored.at("/aliases/local/region").asText()).isEqualTo("us-east-1");
  }

  @Test
  void listShowsAliasesButNeverTheirSecrets() {
    floe.run("alias", "set", "local", "http://127.0.0.1:9000", "admin", "s3cr3t-value");
    floe.run(
        "alias",
        "set",
        "eu",
        "https://floe.example.com",
        "ops",
        "an0ther-secret",
        "--region",
        "eu-west-1");

    Floe.Result text = floe.run("alias", "list");
    Floe.Result json = floe.run("alias", "list", "--json");

    assertThat(text.exitCode()).isZero();
    assertThat(text.out().lines())
        .containsExactly(
            "ALIAS  URL                       ACCESS KEY  REGION",
            "eu     https://floe.example.com  ops         eu-west-1",
            "local  http://127.0.0.1:9000     admin       us-east-1");
    assertThat(json.json().at("/aliases/1/alias").asText()).isEqualTo("local");
    assertThat(json.json().at("/aliases/1/accessKey").asText()).isEqualTo("admin");
    assertThat(text.out() + json.out()).doesNotContain("s3cr3t-value", "an0ther-secret");
  }

  @Test
  void setReplacesAnAliasOfTheSameName() {
    floe.run("alias", "set", "local", "http://127.0.0.1:9000", "admin", "one");
    floe.run("alias", "set", "local", "http://127.0.0.1:9100", "admin", "two");

    assertThat(floe.run("alias", "list", "--json").json().at("/aliases"))
        .singleElement()
        .satisfies(
            alias -> assertThat(alias.get("url").asText()).isEqualTo("http://127.0.0.1:9100"));
  }

  @Test
  void setAcceptsTheCatalogUrlIcebergClientsAreGiven() {
    floe.run("alias", "set", "local", "http://127.0.0.1:9000/_iceberg/", "admin", "secret");

    assertThat(floe.run("alias", "list", "--json").json().at("/aliases/0/url").asText())
        .isEqualTo("http://127.0.0.1:9000");
  }

  @Test
  void removeForgetsTheAlias() {
    floe.run("alias", "set", "local", "http://127.0.0.1:9000", "admin", "secret");

    Floe.Result removed = floe.run("alias", "remove", "local");

    assertThat(removed.exitCode()).isZero();
    assertThat(removed.out()).contains("Removed alias 'local'.");
    assertThat(floe.run("alias", "list").out()).startsWith("No aliases yet");
  }

  @Test
  void removingAnUnknownAliasFailsWithOneLine() {
    Floe.Result removed = floe.run("alias", "rm", "nowhere");

    assertThat(removed.exitCode()).isEqualTo(1);
    assertThat(removed.errLines()).containsExactly("floe: unknown alias 'nowhere'");
  }

  @Test
  void setRefusesAMalformedUrlOrName() {
    Floe.Result badUrl = floe.run("alias", "set", "local", "ftp://host", "admin", "secret");
    Floe.Result badName = floe.run("alias", "set", "1local", "http://host:9000", "admin", "secret");

    assertThat(badUrl.exitCode()).isEqualTo(2);
    assertThat(badUrl.errLines())
        .singleElement()
        .asString()
        .startsWith("floe: invalid server URL 'ftp://host'");
    assertThat(badName.exitCode()).isEqualTo(2);
    assertThat(badName.errLines())
        .singleElement()
        .asString()
        .startsWith("floe: invalid alias name");
    assertThat(configDir.resolve("config.json")).doesNotExist();
  }

  @Test
  void aCorruptConfigFileIsReportedNotIgnored() throws Exception {
    Files.writeString(configDir.resolve("config.json"), "{\"aliases\": [");

    Floe.Result list = floe.run("alias", "list");

    assertThat(list.exitCode()).isEqualTo(1);
    assertThat(list.errLines())
        .singleElement()
        .asString()
        .startsWith("floe: cannot read " + configDir.resolve("config.json") + ": not valid JSON");
  }
}
