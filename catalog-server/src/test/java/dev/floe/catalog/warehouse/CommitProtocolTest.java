package dev.floe.catalog.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.catalog.store.PreconditionFailedException;
import dev.floe.catalog.warehouse.CatalogObjects.Versioned;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadata.MetadataLogEntry;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.UpdateRequirement;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The single-table commit protocol: compare-and-swap on the entity, lost races retried. */
class CommitProtocolTest {
  private static final Namespace NS = Namespace.of("ns");
  private static final Schema SCHEMA =
      new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));
  private static final int WRITERS = 8;

  private static StoreFixture fixture;
  private FloeCatalog catalog;

  @BeforeAll
  static void startStore() throws Exception {
    fixture = StoreFixture.inMemory();
  }

  @AfterAll
  static void stopStore() throws Exception {
    fixture.close();
  }

  @BeforeEach
  void freshWarehouse() {
    catalog = fixture.catalog(fixture.newBucket(), Map.of());
    catalog.createNamespace(NS);
  }

  @AfterEach
  void closeCatalogs() {
    fixture.closeCatalogs();
  }

  @Test
  void eightInstancesCommittingPropertiesToOneTableAllLandInOneLinearHistory() throws Exception {
    TableIdentifier ident = TableIdentifier.of(NS, "contended");
    catalog.createTable(ident, SCHEMA, PartitionSpec.unpartitioned(), keepFullHistory());
    List<FloeCatalog> instances = new ArrayList<>();
    for (int writer = 0; writer < WRITERS; writer++) {
      instances.add(fixture.catalog(catalog.bucket(), Map.of()));
    }

    int landed = commitPropertiesConcurrently(ident, instances::get);

    assertThat(landed).isEqualTo(WRITERS * 50);
    assertThat(retries())
        .as("the instances raced, and the server absorbed every lost race")
        .isPositive();
  }

  @Test
  void eightWritersOnOneInstanceTakeTurnsSoNoCommitRacesAnother() throws Exception {
    TableIdentifier ident = TableIdentifier.of(NS, "turns");
    catalog.createTable(ident, SCHEMA, PartitionSpec.unpartitioned(), keepFullHistory());

    int landed = commitPropertiesConcurrently(ident, writer -> catalog);

    assertThat(landed).isEqualTo(WRITERS * 50);
    assertThat(retries()).as("no commit lost a race in the store").isZero();
  }

  /**
   * Eight writers, 50 property commits each, each writer through the catalog given for it; checks
   * every acknowledged commit is present in one linear history, and answers how many landed.
   */
  private int commitPropertiesConcurrently(
      TableIdentifier ident, IntFunction<FloeCatalog> catalogOfWriter)
      throws Exception {
    int commitsEach = 50;
    List<String> acknowledged =
        runWriters(
            writer -> {
              List<String> keys = new ArrayList<>();
              for (int i = 0; i < commitsEach; i++) {
                String key = "w" + writer + ".c" + i;
                catalogOfWriter
                    .apply(writer)
                    .commitTable(
                        ident,
                        List.of(),
                        List.of(new MetadataUpdate.SetProperties(Map.of(key, "done"))));
                keys.add(key);
              }
              return keys;
            });

    TableMetadata current = catalog.commitTable(ident, List.of(), List.of());
    assertThat(current.properties()).containsKeys(acknowledged.toArray(String[]::new));
    assertLinearHistory(current, acknowledged.size() + 1);
    return acknowledged.size();
  }

  private double retries() {
    return fixture
        .meters()
        .counter("floe.catalog.commit.retries", "warehouse", catalog.bucket())
        .count();
  }

  @Test
  void eightWritersAppendingFilesThroughTheRestPathLoseAndDuplicateNothing() throws Exception {
    TableIdentifier ident = TableIdentifier.of(NS, "appends");
    Map<String, String> properties = new java.util.HashMap<>(keepFullHistory());
    properties.put(TableProperties.COMMIT_NUM_RETRIES, "1000");
    properties.put(TableProperties.COMMIT_MIN_RETRY_WAIT_MS, "2");
    properties.put(TableProperties.COMMIT_MAX_RETRY_WAIT_MS, "100");
    properties.put(TableProperties.COMMIT_TOTAL_RETRY_TIME_MS, "600000");
    catalog.createTable(ident, SCHEMA, PartitionSpec.unpartitioned(), properties);
    int appendsEach = 25;

    List<String> acknowledged =
        runWriters(
            writer -> {
              Table table = CommitClient.table(catalog, ident);
              List<String> paths = new ArrayList<>();
              for (int i = 0; i < appendsEach; i++) {
                DataFile file = fakeDataFile(table, "w" + writer + "-" + i + ".parquet");
                table.newFastAppend().appendFile(file).commit();
                paths.add(file.location());
              }
              return paths;
            });

    Table table = catalog.loadTable(ident);
    List<String> present = new ArrayList<>();
    try (CloseableIterable<org.apache.iceberg.FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(task -> present.add(task.file().location()));
    }
    assertThat(present)
        .hasSize(WRITERS * appendsEach)
        .containsExactlyInAnyOrderElementsOf(acknowledged);
    List<Snapshot> snapshots = new ArrayList<>();
    table.snapshots().forEach(snapshots::add);
    assertThat(snapshots).hasSize(WRITERS * appendsEach);
    for (int i = 1; i < snapshots.size(); i++) {
      assertThat(snapshots.get(i).parentId())
          .as("each snapshot builds on the one before it")
          .isEqualTo(snapshots.get(i - 1).snapshotId());
    }
  }

  @Test
  void writersSpreadOverSeveralTablesAllLand() throws Exception {
    List<TableIdentifier> tables = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      TableIdentifier ident = TableIdentifier.of(NS, "t" + t);
      catalog.createTable(ident, SCHEMA, PartitionSpec.unpartitioned(), keepFullHistory());
      tables.add(ident);
    }
    int commitsEach = 20;

    List<String> acknowledged =
        runWriters(
            writer -> {
              List<String> done = new ArrayList<>();
              List<TableIdentifier> order = new ArrayList<>(tables);
              for (int i = 0; i < commitsEach; i++) {
                Collections.shuffle(order);
                for (TableIdentifier ident : order) {
                  String key = "w" + writer + ".c" + i;
                  catalog.commitTable(
                      ident,
                      List.of(),
                      List.of(new MetadataUpdate.SetProperties(Map.of(key, "x"))));
                  done.add(ident.name() + "/" + key);
                }
              }
              return done;
            });

    assertThat(acknowledged).hasSize(WRITERS * commitsEach * tables.size());
    for (TableIdentifier ident : tables) {
      TableMetadata current = catalog.commitTable(ident, List.of(), List.of());
      List<String> mine =
          acknowledged.stream()
              .filter(entry -> entry.startsWith(ident.name() + "/"))
              .map(entry -> entry.substring(ident.name().length() + 1))
              .toList();
      assertThat(current.properties()).containsKeys(mine.toArray(String[]::new));
      assertLinearHistory(current, WRITERS * commitsEach + 1);
    }
  }

  @Test
  void aFailedRequirementIsAConflictAndChangesNothing() {
    TableIdentifier ident = TableIdentifier.of(NS, "guarded");
    Table table = catalog.createTable(ident, SCHEMA);
    String before = catalog.currentMetadataLocation(ident).orElseThrow();

    assertThatThrownBy(
            () ->
                catalog.commitTable(
                    ident,
                    List.of(new UpdateRequirement.AssertTableUUID(UUID.randomUUID().toString())),
                    List.of(new MetadataUpdate.SetProperties(Map.of("k", "v")))))
        .isInstanceOf(CommitFailedException.class)
        .hasMessageContaining("UUID does not match");

    assertThat(catalog.currentMetadataLocation(ident)).contains(before);
    assertThat(catalog.loadTable(ident).properties()).doesNotContainKey("k");
    assertThat(table.uuid()).isNotNull();
    assertThat(
            fixture
                .meters()
                .counter(
                    "floe.catalog.commits", "warehouse", catalog.bucket(), "result", "conflict")
                .count())
        .isEqualTo(1);
  }

  @Test
  void aCommitToAMissingTableIsNotFound() {
    assertThatThrownBy(
            () -> catalog.commitTable(TableIdentifier.of(NS, "missing"), List.of(), List.of()))
        .isInstanceOf(NoSuchTableException.class)
        .hasMessage("Table does not exist: ns.missing");
  }

  @Test
  void aStalePointerWriteIsRefused() {
    TableIdentifier ident = TableIdentifier.of(NS, "stale");
    Table table = catalog.createTable(ident, SCHEMA);
    String uuid = table.uuid().toString();
    Versioned<EntityRecord> read = entities().read(uuid).orElseThrow();

    catalog.commitTable(
        ident, List.of(), List.of(new MetadataUpdate.SetProperties(Map.of("a", "1"))));

    assertThatThrownBy(
            () ->
                entities()
                    .swap(read, read.value().committed(read.value().identifier(), "s3://x/y")))
        .isInstanceOf(PreconditionFailedException.class);
    TableOperations ops = ((HasTableOperations) table).operations();
    TableMetadata staleBase = ops.current();
    assertThatThrownBy(
            () ->
                ops.commit(
                    staleBase,
                    TableMetadata.buildFrom(staleBase).setProperties(Map.of("b", "2")).build()))
        .isInstanceOf(CommitFailedException.class)
        .hasMessageContaining("Cannot commit");
    assertThat(catalog.loadTable(ident).properties())
        .containsEntry("a", "1")
        .doesNotContainKey("b");
  }

  @Test
  void thePointerNeverRepeatsItsBytesEvenWhenItPointsAtTheSameFileAgain() {
    Table first = catalog.createTable(TableIdentifier.of(NS, "first"), SCHEMA);
    Table second = catalog.createTable(TableIdentifier.of(NS, "second"), SCHEMA);
    // a transaction visits tables in uuid order: the aborting one must come second
    boolean firstIsEarlier = first.uuid().toString().compareTo(second.uuid().toString()) < 0;
    TableIdentifier ident = TableIdentifier.of(NS, firstIsEarlier ? "first" : "second");
    TableIdentifier other = TableIdentifier.of(NS, firstIsEarlier ? "second" : "first");
    Table table = firstIsEarlier ? first : second;
    Versioned<EntityRecord> before = entities().read(table.uuid().toString()).orElseThrow();

    // a transaction that pends `ident`, then aborts on `other`: `ident` points at the same
    // metadata file again afterwards
    assertThatThrownBy(
            () ->
                catalog.commitTransaction(
                    List.of(
                        commit(
                            ident, List.of(), new MetadataUpdate.SetProperties(Map.of("k", "v"))),
                        commit(
                            other,
                            List.of(
                                new UpdateRequirement.AssertTableUUID(
                                    UUID.randomUUID().toString())),
                            new MetadataUpdate.SetProperties(Map.of("k", "v"))))))
        .isInstanceOf(CommitFailedException.class);

    Versioned<EntityRecord> after = entities().read(table.uuid().toString()).orElseThrow();
    assertThat(after.value().metadataLocation()).isEqualTo(before.value().metadataLocation());
    assertThat(after.value().sequence()).isGreaterThan(before.value().sequence());
    assertThat(after.etag()).isNotEqualTo(before.etag());
    assertThatThrownBy(
            () ->
                entities()
                    .swap(
                        before, before.value().committed(before.value().identifier(), "s3://x/y")))
        .isInstanceOf(PreconditionFailedException.class);
  }

  @Test
  void aCreateByCommitGetsFloesLocationAndFormatV3() {
    TableIdentifier ident = TableIdentifier.of(NS, "staged");
    String requestedUuid = UUID.randomUUID().toString();

    TableMetadata created =
        catalog.commitTable(
            ident,
            List.of(new UpdateRequirement.AssertTableDoesNotExist()),
            List.of(
                new MetadataUpdate.AssignUUID(requestedUuid),
                new MetadataUpdate.AddSchema(SCHEMA),
                new MetadataUpdate.SetCurrentSchema(-1),
                new MetadataUpdate.AddPartitionSpec(PartitionSpec.unpartitioned()),
                new MetadataUpdate.SetDefaultPartitionSpec(-1),
                new MetadataUpdate.AddSortOrder(org.apache.iceberg.SortOrder.unsorted()),
                new MetadataUpdate.SetDefaultSortOrder(-1),
                new MetadataUpdate.SetLocation("s3://elsewhere/trino-chose-this")));

    assertThat(created.formatVersion()).isEqualTo(3);
    assertThat(created.uuid()).isEqualTo(requestedUuid);
    assertThat(created.location()).isEqualTo("s3://" + catalog.bucket() + "/" + requestedUuid);
    assertThat(created.metadataFileLocation()).startsWith(created.location() + "/metadata/");
    assertThat(catalog.loadTable(ident).location()).isEqualTo(created.location());
    assertThatThrownBy(
            () ->
                catalog.commitTable(
                    ident,
                    List.of(new UpdateRequirement.AssertTableDoesNotExist()),
                    List.of(new MetadataUpdate.AddSchema(SCHEMA))))
        .isInstanceOf(CommitFailedException.class)
        .hasMessageContaining("table already exists");
  }

  @Test
  void anUpgradeInTheCreateCommitDecidesTheFormatVersion() {
    TableMetadata created =
        catalog.commitTable(
            TableIdentifier.of(NS, "v2"),
            List.of(new UpdateRequirement.AssertTableDoesNotExist()),
            List.of(
                new MetadataUpdate.UpgradeFormatVersion(2),
                new MetadataUpdate.AddSchema(SCHEMA),
                new MetadataUpdate.SetCurrentSchema(-1),
                new MetadataUpdate.AddPartitionSpec(PartitionSpec.unpartitioned()),
                new MetadataUpdate.SetDefaultPartitionSpec(-1),
                new MetadataUpdate.AddSortOrder(org.apache.iceberg.SortOrder.unsorted()),
                new MetadataUpdate.SetDefaultSortOrder(-1)));

    assertThat(created.formatVersion()).isEqualTo(2);
  }

  @Test
  void aRequestedLocationIsIgnoredAndLaterLocationChangesAreUndone() {
    TableIdentifier ident = TableIdentifier.of(NS, "placed");
    Table table = catalog.buildTable(ident, SCHEMA).withLocation("s3://somewhere/else").create();
    String own = "s3://" + catalog.bucket() + "/" + table.uuid();
    assertThat(table.location()).isEqualTo(own);

    TableMetadata moved =
        catalog.commitTable(
            ident,
            List.of(),
            List.of(
                new MetadataUpdate.SetLocation("s3://somewhere/else"),
                new MetadataUpdate.SetProperties(Map.of("k", "v"))));

    assertThat(moved.location()).isEqualTo(own);
    assertThat(moved.properties()).containsEntry("k", "v");
    assertThat(table.io()).isNotNull();
  }

  @Test
  void theEtagSourceIsThePointerAlone() {
    TableIdentifier ident = TableIdentifier.of(NS, "etag");
    catalog.createTable(ident, SCHEMA);
    String first = catalog.currentMetadataLocation(ident).orElseThrow();

    TableMetadata next =
        catalog.commitTable(
            ident, List.of(), List.of(new MetadataUpdate.SetProperties(Map.of("k", "v"))));

    assertThat(catalog.currentMetadataLocation(ident)).contains(next.metadataFileLocation());
    assertThat(next.metadataFileLocation()).isNotEqualTo(first);
    assertThat(catalog.currentMetadataLocation(TableIdentifier.of(NS, "nope"))).isEmpty();
  }

  private Entities entities() {
    return new Entities(
        new CatalogObjects(fixture.store(), catalog.bucket()), java.time.Clock.systemUTC());
  }

  private static org.apache.iceberg.catalog.TableCommit commit(
      TableIdentifier ident, List<UpdateRequirement> requirements, MetadataUpdate update) {
    return new org.apache.iceberg.catalog.TableCommit() {
      @Override
      public TableIdentifier identifier() {
        return ident;
      }

      @Override
      public List<UpdateRequirement> requirements() {
        return requirements;
      }

      @Override
      public List<MetadataUpdate> updates() {
        return List.of(update);
      }
    };
  }

  private static Map<String, String> keepFullHistory() {
    return Map.of(TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "100000");
  }

  /** Every metadata file extends the log of the one before it by exactly that one. */
  private void assertLinearHistory(TableMetadata current, int versions) {
    List<MetadataLogEntry> log = current.previousFiles();
    assertThat(log).hasSize(versions - 1);
    Set<String> files = new HashSet<>();
    log.forEach(entry -> files.add(entry.file()));
    assertThat(files).as("no metadata file appears twice").hasSize(log.size());
    TableMetadata last =
        new MetadataFiles(fixture.store()).readTable(log.get(log.size() - 1).file());
    assertThat(last.previousFiles()).isEqualTo(log.subList(0, log.size() - 1));
    String uuid = current.uuid();
    int written = fixture.store().listKeys(catalog.bucket(), uuid + "/metadata/").size();
    assertThat(written)
        .as("every lost race removed the metadata file it wrote")
        .isEqualTo(versions);
  }

  private static DataFile fakeDataFile(Table table, String name) {
    return DataFiles.builder(PartitionSpec.unpartitioned())
        .withPath(table.locationProvider().newDataLocation(name))
        .withFileSizeInBytes(10)
        .withRecordCount(1)
        .build();
  }

  private interface Writer {
    List<String> run(int writer) throws Exception;
  }

  private static List<String> runWriters(Writer writer) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int id = w;
        Callable<List<String>> task = () -> writer.run(id);
        results.add(pool.submit(task));
      }
      List<String> all = new ArrayList<>();
      for (Future<List<String>> result : results) {
        all.addAll(result.get(5, TimeUnit.MINUTES));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }
}
