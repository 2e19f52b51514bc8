package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code floe} says before any server answers: help, version and the user's mistakes. */
class CommandLineUsageTest {
  private static final String SCHEMA =
      "{\"type\":\"struct\",\"fields\":[{\"id\":1,\"name\":\"id\",\"type\":\"long\",\"required\":true}]}";

  @TempDir Path configDir;

  private Floe floe;

  @BeforeEach
  void setUp() {
    floe = new Floe(configDir);
  }

  @Test
  void helpNamesEveryCommandAndHowToStart() {
    Floe.Result help = floe.run("--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains(
            "Usage: floe", "serve", "alias", "table", "floe alias set local http://127.0.0.1:9000");
  }

  @Test
  void tableHelpListsItsSubcommandsAndGlobalFlags() {
    Floe.Result help = floe.run("table", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains(
            "warehouse",
            "namespace",
            "create",
            "list",
            "show",
            "rename",
            "remove",
            "--json",
            "--config-dir");
  }

  @Test
  void versionNamesFloeIcebergAndJava() {
    Floe.Result version = floe.run("--version");

    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("floe ").contains("Iceberg 1.", "Java ");
  }

  @Test
  void missingArgumentsAreOneLineWithAPointerToHelp() {
    Floe.Result result = floe.run("table", "list", "local");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines())
        .containsExactly(
            "floe: Missing required parameters: 'WAREHOUSE', 'NAMESPACE' (see 'floe table list"
                + " --help')");
  }

  @Test
  void aMistypedSubcommandGetsASuggestion() {
    Floe.Result result = floe.run("table", "namespace", "crate");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString().contains("did you mean create");
  }

  @Test
  void anUnknownAliasSaysHowToAddIt() {
    Floe.Result result = floe.run("table", "warehouse", "list", "nowhere");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "floe: unknown alias 'nowhere': add it with 'floe alias set nowhere URL ACCESS_KEY"
                + " SECRET_KEY'");
  }

  @Test
  void badSchemaJsonIsRefusedBeforeAnythingIsSent() {
    floe.run("alias", "set", "down", "http://127.0.0.1:" + unusedPort(), "key", "secret");

    Floe.Result notJson =
        floe.run("table", "create", "down", "wh", "ns", "t", "--schema", "{\"type\":\"struct\",");
    Floe.Result badType =
        floe.run(
            "table",
            "create",
            "down",
            "wh",
            "ns",
            "t",
            "--schema",
            SCHEMA.replace("long", "lonng"));
    Floe.Result badSpec =
        floe.run(
            "table",
            "create",
            "down",
            "wh",
            "ns",
            "t",
            "--schema",
            SCHEMA,
            "--partition-spec",
            "{\"fields\":[{\"source-id\":7,\"transform\":\"identity\",\"name\":\"p\"}]}");

    assertThat(notJson.exitCode()).isEqualTo(2);
    assertThat(notJson.errLines())
        .singleElement()
        .asString()
        .startsWith("floe: invalid --schema: not JSON (Unexpected end-of-input");
    assertThat(badType.exitCode()).isEqualTo(2);
    assertThat(badType.errLines())
        .containsExactly(
            "floe: invalid --schema: Cannot parse type string to primitive: lonng (see 'floe table"
                + " create --help')");
    assertThat(badSpec.exitCode()).isEqualTo(2);
    assertThat(badSpec.errLines())
        .singleElement()
        .asString()
        .startsWith(
            "floe: invalid --partition-spec: field 'p' has source-id 7, which is no column");
  }

  @Test
  void aServerThatIsDownIsNamedWithTheReason() {
    int port = unusedPort();
    floe.run("alias", "set", "down", "http://127.0.0.1:" + port, "key", "secret");

    Floe.Result result = floe.run("table", "warehouse", "list", "down", "--json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines())
        .containsExactly("floe: cannot reach http://127.0.0.1:" + port + ": connection refused");
  }

  @Test
  void namespacesAreWrittenWithSingleDots() {
    floe.run("alias", "set", "down", "http://127.0.0.1:" + unusedPort(), "key", "secret");

    Floe.Result result = floe.run("table", "namespace", "info", "down", "wh", "sales..eu");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("'sales..eu' is not a namespace: levels are separated by single dots");
  }

  private static int unusedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
