package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.floe.server.FloeConfig;
import dev.floe.server.FloeServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code floe table ...} against a real Floe server with its embedded store. */
class TableCommandTest {
  private static final String SCHEMA =
      "{\"type\":\"struct\",\"fields\":["
          + "{\"id\":1,\"name\":\"id\",\"type\":\"long\",\"required\":true},"
          + "{\"id\":2,\"name\":\"ts\",\"type\":\"timestamptz\",\"required\":false},"
          + "{\"id\":3,\"name\":\"address\",\"type\":{\"type\":\"struct\",\"fields\":["
          + "{\"id\":4,\"name\":\"city\",\"type\":\"string\",\"required\":false}]},\"required\":false}]}";
  private static final String BY_DAY =
      "{\"fields\":[{\"source-id\":2,\"transform\":\"day\",\"name\":\"ts_day\"}]}";

  @TempDir static Path dataDir;
  private static FloeServer server;

  @TempDir Path configDir;
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
    succeeds(
        "alias",
        "set",
        "local",
        server.endpoint().toString(),
        server.rootAccessKey(),
        server.rootSecretKey());
  }

  @Test
  void createsListsShowsRenamesAndRemovesATable() {
    assertThat(succeeds("table", "warehouse", "create", "local", "lifecycle"))
        .isEqualTo("Created warehouse 'lifecycle'.\n");
    succeeds("table", "namespace", "create", "local", "lifecycle", "sales");
    assertThat(succeeds("table", "namespace", "create", "local", "lifecycle", "sales.eu"))
        .isEqualTo("Created namespace 'sales.eu' in warehouse 'lifecycle'.\n");
    assertThat(succeeds("table", "namespace", "list", "local", "lifecycle").lines())
        .containsExactly("NAMESPACE", "sales");
    assertThat(
            succeeds("table", "namespace", "list", "local", "lifecycle", "--parent", "sales")
                .lines())
        .containsExactly("NAMESPACE", "sales.eu");

    String created =
        succeeds(
            "table",
            "create",
            "local",
            "lifecycle",
            "sales.eu",
            "orders",
            "--schema",
            SCHEMA,
            "--partition-spec",
            BY_DAY,
            "--property",
            "write.format.default=parquet");
    assertThat(created).startsWith("Created table 'sales.eu.orders' in warehouse 'lifecycle'.");
    assertThat(succeeds("table", "list", "local", "lifecycle", "sales.eu").lines())
        .containsExactly("TABLE", "orders");

    String shown = succeeds("table", "show", "local", "lifecycle", "sales.eu", "orders");
    assertThat(shown)
        .contains("Table:             sales.eu.orders")
        .containsPattern("Format version: +3\n")
        .containsPattern("UUID: +[0-9a-f-]{36}\n")
        .containsPattern("Location: +s3://lifecycle/")
        .contains("Current snapshot:  none", "Snapshots:         0")
        .containsPattern("2 +ts +timestamptz +no")
        .containsPattern("4 +address.city +string +no")
        .containsPattern("ts_day +ts +day")
        .containsPattern("write.format.default +parquet");

    assertThat(
            succeeds(
                "table",
                "rename",
                "local",
                "lifecycle",
                "sales.eu",
                "orders",
                "orders_2026",
                "--namespace",
                "sales"))
        .isEqualTo("Renamed table 'sales.eu.orders' to 'sales.orders_2026'.\n");
    assertThat(succeeds("table", "list", "local", "lifecycle", "sales.eu"))
        .isEqualTo("No tables in namespace 'sales.eu'.\n");
    assertThat(succeeds("table", "list", "local", "lifecycle", "sales").lines())
        .containsExactly("TABLE", "orders_2026");

    assertThat(succeeds("table", "remove", "local", "lifecycle", "sales", "orders_2026", "--purge"))
        .isEqualTo("Removed table 'sales.orders_2026' and its files.\n");
    succeeds("table", "namespace", "remove", "local", "lifecycle", "sales.eu");
    succeeds("table", "namespace", "remove", "local", "lifecycle", "sales");
    assertThat(succeeds("table", "warehouse", "remove", "local", "lifecycle"))
        .isEqualTo("Removed warehouse 'lifecycle'.\n");
    assertThat(succeeds("table", "warehouse", "list", "local")).doesNotContain("lifecycle");
  }

  @Test
  void jsonOutputIsOneDocumentForScripts() {
    JsonNode warehouse = json("table", "warehouse", "create", "local", "scripted", "--json");
    assertThat(warehouse.get("name").asText()).isEqualTo("scripted");
    assertThat(warehouse.get("id").asText()).isNotBlank();
    assertThat(warehouse.get("created-at").asText()).isNotBlank();
    assertThat(json("table", "warehouse", "list", "local", "--json").findValuesAsText("name"))
        .contains("scripted");

    json("table", "namespace", "create", "local", "scripted", "raw", "--json");
    JsonNode nested =
        json(
            "table",
            "--json",
            "namespace",
            "create",
            "local",
            "scripted",
            "raw.events",
            "-a",
            "owner=ops");
    assertThat(nested.get("namespace")).hasToString("[\"raw\",\"events\"]");
    assertThat(nested.at("/properties/owner").asText()).isEqualTo("ops");
    assertThat(json("table", "namespace", "list", "local", "scripted", "--parent", "raw", "--json"))
        .hasToString("{\"namespaces\":[[\"raw\",\"events\"]]}");

    JsonNode table =
        json(
            "table",
            "create",
            "local",
            "scripted",
            "raw.events",
            "clicks",
            "--schema",
            SCHEMA,
            "--format-version",
            "2",
            "--json");
    assertThat(table.get("name").asText()).isEqualTo("clicks");
    assertThat(table.get("format-version").asInt()).isEqualTo(2);
    assertThat(table.at("/schema/fields/1/name").asText()).isEqualTo("ts");

    JsonNode shown = json("table", "show", "local", "scripted", "raw.events", "clicks", "--json");
    assertThat(shown.get("table-uuid").asText()).isEqualTo(table.get("table-uuid").asText());
    assertThat(shown.get("current-snapshot-id").isNull()).isTrue();
    assertThat(shown.get("snapshot-count").asInt()).isZero();
    assertThat(shown.at("/partition-spec/fields")).isEmpty();
    assertThat(json("table", "list", "local", "scripted", "raw.events", "--json"))
        .hasToString(
            "{\"identifiers\":[{\"namespace\":[\"raw\",\"events\"],\"name\":\"clicks\"}]}");

    JsonNode removed =
        json("table", "remove", "local", "scripted", "raw.events", "clicks", "--json");
    assertThat(removed.get("status").asText()).isEqualTo("success");
  }

  @Test
  void namespacePropertiesCanBeSetAndRemoved() {
    succeeds("table", "warehouse", "create", "local", "props");
    succeeds(
        "table",
        "namespace",
        "create",
        "local",
        "props",
        "finance",
        "--property",
        "owner=cfo",
        "--property",
        "tmp=1");

    JsonNode update =
        json(
            "table",
            "namespace",
            "update",
            "local",
            "props",
            "finance",
            "--property",
            "owner=bi",
            "--remove-property",
            "tmp",
            "--remove-property",
            "absent",
            "--json");
    String info = succeeds("table", "namespace", "info", "local", "props", "finance");

    assertThat(update)
        .hasToString(
            "{\"namespace\":[\"finance\"],\"updated\":[\"owner\"],\"removed\":[\"tmp\"],\"missing\":[\"absent\"]}");
    assertThat(info)
        .contains("Namespace:  finance")
        .containsPattern("owner +bi")
        .doesNotContain("tmp");
  }

  @Test
  void creatingWhatExistsFailsUnlessToldToIgnoreIt() {
    succeeds("table", "warehouse", "create", "local", "twice");
    succeeds("table", "namespace", "create", "local", "twice", "ns");
    succeeds("table", "create", "local", "twice", "ns", "t", "--schema", SCHEMA);

    Floe.Result again = floe.run("table", "warehouse", "create", "local", "twice");

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.errLines()).singleElement().asString().startsWith("floe: ").contains("twice");
    assertThat(succeeds("table", "warehouse", "create", "local", "twice", "--ignore-existing"))
        .isEqualTo("Found existing warehouse 'twice'.\n");
    assertThat(succeeds("table", "namespace", "create", "local", "twice", "ns", "-p"))
        .isEqualTo("Found existing namespace 'ns' in warehouse 'twice'.\n");
    assertThat(succeeds("table", "create", "local", "twice", "ns", "t", "--schema", SCHEMA, "-p"))
        .startsWith("Found existing table 'ns.t'");
  }

  @Test
  void aMissingTableIsOneLineWithTheServersMessage() {
    succeeds("table", "warehouse", "create", "local", "sparse");
    succeeds("table", "namespace", "create", "local", "sparse", "ns");

    Floe.Result result = floe.run("table", "show", "local", "sparse", "ns", "ghost");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).singleElement().asString().startsWith("floe: ").contains("ghost");
  }

  @Test
  void aWarehouseThatIsNotEmptyIsKeptUnlessPurged() {
    succeeds("table", "warehouse", "create", "local", "keeper");
    succeeds("table", "namespace", "create", "local", "keeper", "ns");
    succeeds("table", "create", "local", "keeper", "ns", "t", "--schema", SCHEMA);

    Floe.Result refused = floe.run("table", "warehouse", "remove", "local", "keeper");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.errLines())
        .singleElement()
        .asString()
        .startsWith("floe: ")
        .endsWith("; add --purge to remove it with everything in it");
    assertThat(succeeds("table", "warehouse", "remove", "local", "keeper", "--purge"))
        .isEqualTo("Removed warehouse 'keeper' and all its data.\n");
  }

  @Test
  void wrongKeysAreRefusedByTheServer() {
    succeeds(
        "alias",
        "set",
        "intruder",
        server.endpoint().toString(),
        server.rootAccessKey(),
        "wrong-secret");

    Floe.Result result = floe.run("table", "warehouse", "list", "intruder");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .startsWith("floe: ")
        .endsWith("(check the keys of alias 'intruder')");
  }

  private String succeeds(String... args) {
    return succeeded(args).out();
  }

  private JsonNode json(String... args) {
    return succeeded(args).json();
  }

  private Floe.Result succeeded(String... args) {
    Floe.Result result = floe.run(args);
    assertThat(result.err()).as("stderr of floe %s", String.join(" ", args)).isEmpty();
    assertThat(result.exitCode()).as("exit code of floe %s", String.join(" ", args)).isZero();
    return result;
  }
}
