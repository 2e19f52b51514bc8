package dev.floe.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight writers commit at once through HTTP, each with its own client. Every commit the server
 * acknowledged must be in the table afterwards, exactly once, on one linear history.
 */
class ConcurrentCommitTest {
  private static final int WRITERS = 8;
  private static final int COMMITS_PER_WRITER = 50;
  private static final Schema SCHEMA = new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));

  @TempDir static Path dataDir;
  static FloeTestServer floe;

  @BeforeAll
  static void start() throws Exception {
    floe = FloeTestServer.start(dataDir);
    floe.createWarehouse("contended");
    try (RESTCatalog catalog = floe.catalog("contended")) {
      catalog.createNamespace(Namespace.of("ns"));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    floe.close();
  }

  @Test
  void propertyCommitsOnOneTableAreNeitherLostNorDuplicated() throws Exception {
    TableIdentifier ident = TableIdentifier.of("ns", "properties");
    try (RESTCatalog catalog = floe.catalog("contended")) {
      catalog.createTable(ident, SCHEMA);
    }
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    runWriters(writer -> {
      try (RESTCatalog catalog = floe.catalog("contended")) {
        Table table = catalog.loadTable(ident);
        for (int i = 0; i < COMMITS_PER_WRITER; i++) {
          String key = "w" + writer + "-c" + i;
          table.updateProperties().set(key, "done").commit();
          acknowledged.add(key);
        }
      }
    });

    try (RESTCatalog catalog = floe.catalog("contended")) {
      Table table = catalog.loadTable(ident);
      assertThat(acknowledged).hasSize(WRITERS * COMMITS_PER_WRITER);
      assertThat(table.properties().keySet()).containsAll(acknowledged);
    }
  }

  @Test
  void fastAppendsOnOneTableFormOneLinearHistory() throws Exception {
    TableIdentifier ident = TableIdentifier.of("ns", "appends");
    try (RESTCatalog catalog = floe.catalog("contended")) {
      // An append that loses a race must be rebased by the client (the server cannot know what
      // the snapshot should contain), so writers this contended need more client retries.
      catalog.buildTable(ident, SCHEMA)
          .withProperty("commit.retry.num-retries", "100")
          .withProperty("commit.retry.min-wait-ms", "10")
          .withProperty("commit.retry.max-wait-ms", "200")
          .create();
    }
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    runWriters(writer -> {
      try (RESTCatalog catalog = floe.catalog("contended")) {
        Table table = catalog.loadTable(ident);
        for (int i = 0; i < COMMITS_PER_WRITER; i++) {
          DataFile file = fakeDataFile(table, "w" + writer + "-f" + i);
          table.newFastAppend().appendFile(file).commit();
          acknowledged.add(file.location());
        }
      }
    });

    try (RESTCatalog catalog = floe.catalog("contended")) {
      Table table = catalog.loadTable(ident);
      List<String> files = new ArrayList<>();
      table.newScan().planFiles().forEach(task -> files.add(task.file().location()));
      assertThat(files).doesNotHaveDuplicates();
      assertThat(new HashSet<>(files)).isEqualTo(acknowledged);
      assertLinear(table);
    }
  }

  @Test
  void writersOnEightTablesDoNotDisturbEachOther() throws Exception {
    try (RESTCatalog catalog = floe.catalog("contended")) {
      for (int t = 0; t < WRITERS; t++) {
        catalog.createTable(TableIdentifier.of("ns", "t" + t), SCHEMA);
      }
    }

    runWriters(writer -> {
      try (RESTCatalog catalog = floe.catalog("contended")) {
        for (int i = 0; i < COMMITS_PER_WRITER; i++) {
          Table table = catalog.loadTable(TableIdentifier.of("ns", "t" + (i + writer) % WRITERS));
          table.updateProperties().set("commit-w" + writer + "-c" + i, "done").commit();
        }
      }
    });

    try (RESTCatalog catalog = floe.catalog("contended")) {
      int total = 0;
      for (int t = 0; t < WRITERS; t++) {
        total += (int) catalog.loadTable(TableIdentifier.of("ns", "t" + t)).properties().keySet().stream()
            .filter(key -> key.startsWith("commit-w")).count();
      }
      assertThat(total).isEqualTo(WRITERS * COMMITS_PER_WRITER);
    }
  }

  private static void assertLinear(Table table) {
    List<Snapshot> chain = new ArrayList<>();
    Snapshot current = table.currentSnapshot();
    while (current != null) {
      chain.add(current);
      current = current.parentId() == null ? null : table.snapshot(current.parentId());
    }
    assertThat(chain).hasSameSizeAs(table.snapshots());
  }

  private static DataFile fakeDataFile(Table table, String name) {
    return DataFiles.builder(table.spec())
        .withPath(table.location() + "/data/" + name + ".parquet")
        .withFileSizeInBytes(100)
        .withRecordCount(1)
        .build();
  }

  private interface Writer {
    void run(int writer) throws Exception;
  }

  private static void runWriters(Writer body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        futures.add(pool.submit(() -> {
          body.run(writer);
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
