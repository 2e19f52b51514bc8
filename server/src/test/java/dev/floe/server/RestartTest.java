package dev.floe.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store keeps data and catalog across restarts, and is never shared by two servers. */
class RestartTest {
  private static final Schema SCHEMA = new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));

  @TempDir Path dataDir;

  @Test
  void catalogAndTablesSurviveARestart() throws Exception {
    TableIdentifier ident = TableIdentifier.of("ns", "kept");
    long snapshotId;
    try (FloeTestServer floe = FloeTestServer.start(dataDir); RESTCatalog catalog = catalogWithWarehouse(floe)) {
      catalog.createNamespace(Namespace.of("ns"));
      Table table = catalog.createTable(ident, SCHEMA);
      table.newFastAppend()
          .appendFile(DataFiles.builder(table.spec())
              .withPath(table.location() + "/data/a.parquet").withFileSizeInBytes(10).withRecordCount(1).build())
          .commit();
      snapshotId = table.currentSnapshot().snapshotId();
    }

    try (FloeTestServer floe = FloeTestServer.start(dataDir); RESTCatalog catalog = floe.catalog("durable")) {
      assertThat(catalog.listNamespaces()).containsExactly(Namespace.of("ns"));
      assertThat(catalog.loadTable(ident).currentSnapshot().snapshotId()).isEqualTo(snapshotId);
    }
  }

  @Test
  void aSecondServerOnTheSameDataDirectoryRefusesToStart() throws Exception {
    try (FloeTestServer first = FloeTestServer.start(dataDir)) {
      assertThatThrownBy(() -> FloeTestServer.start(dataDir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already using the data directory");
    }
  }

  @Test
  void theDefaultRelativeDataDirectoryWorks() throws Exception {
    Path relative = Path.of(".", "target", "relative-data-" + System.nanoTime());
    try (FloeTestServer floe = FloeTestServer.start(relative)) {
      floe.createWarehouse("relative");
    } finally {
      try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(relative)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.delete(path);
        }
      }
    }
  }

  private static RESTCatalog catalogWithWarehouse(FloeTestServer floe) {
    floe.createWarehouse("durable");
    return floe.catalog("durable");
  }
}
