package dev.floe.catalog.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commits through a store that fails mid-swap: every commit lands exactly once. */
class FaultyStoreTest {
  private static final Schema SCHEMA =
      new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));
  private static final TableIdentifier TABLE = TableIdentifier.of(Namespace.of("ns"), "t");
  private static StoreFixture fixture;

  @BeforeAll
  static void startStore() throws Exception {
    fixture = StoreFixture.inMemory();
  }

  @AfterAll
  static void stopStore() throws Exception {
    fixture.close();
  }

  @AfterEach
  void closeCatalogs() {
    fixture.closeCatalogs();
  }

  @ParameterizedTest(name = "failing after the write: {0}")
  @ValueSource(booleans = {false, true})
  void everyAcknowledgedCommitLandsOnceWhenSwapsFail(boolean afterWriting) {
    String bucket = fixture.newBucket();
    FloeCatalog setup = fixture.catalog(bucket, Map.of());
    setup.createNamespace(TABLE.namespace());
    setup.createTable(
        TABLE,
        SCHEMA,
        PartitionSpec.unpartitioned(),
        Map.of(TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "1000"));
    FlakyStore flaky = new FlakyStore(fixture.store(), 3, afterWriting);
    FloeCatalog catalog =
        fixture.catalog(
            flaky,
            bucket,
            Map.of(),
            CatalogFaults.NONE,
            Clock.systemUTC(),
            FloeCatalog.TRANSACTION_TIMEOUT);
    int commits = 20;

    for (int i = 0; i < commits; i++) {
      catalog.commitTable(
          TABLE,
          List.of(),
          List.of(new MetadataUpdate.SetProperties(Map.of("commit." + i, "done"))));
    }

    TableMetadata current = setup.commitTable(TABLE, List.of(), List.of());
    System.out.printf(
        "faulty store (%s): %d commits, %d injected failures, %d versions, nothing lost%n",
        afterWriting ? "response lost after the write" : "503 before the write",
        commits,
        flaky.injected.get(),
        current.previousFiles().size() + 1);
    assertThat(flaky.injected.get()).isPositive();
    for (int i = 0; i < commits; i++) {
      assertThat(current.properties()).containsEntry("commit." + i, "done");
    }
    assertThat(current.previousFiles())
        .as("one version per commit: no commit applied twice")
        .hasSize(commits);
  }
}
