package dev.floe.catalog.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateRequirement;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stops the commit paths dead between each pair of steps, then shows that another catalog over the
 * same bucket reads a consistent state, repairs it on the next operations and loses nothing that
 * was acknowledged.
 */
class CrashSafetyTest {
  private static final Namespace NS = Namespace.of("ns");
  private static final Schema SCHEMA =
      new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));
  private static final TableIdentifier OLD = TableIdentifier.of(NS, "old_name");
  private static final TableIdentifier NEW = TableIdentifier.of(NS, "new_name");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static StoreFixture fixture;
  private String bucket;
  private MutableClock clock;

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
    bucket = fixture.newBucket();
    clock = new MutableClock();
    catalog(CatalogFaults.NONE).createNamespace(NS);
  }

  @AfterEach
  void closeCatalogs() {
    fixture.closeCatalogs();
  }

  private FloeCatalog catalog(CatalogFaults faults) {
    return fixture.catalog(bucket, Map.of(), faults, clock, TIMEOUT);
  }

  /** A restarted server: no cache, nothing in memory from before the crash. */
  private FloeCatalog restarted() {
    return catalog(CatalogFaults.NONE);
  }

  @ParameterizedTest
  @EnumSource(
      value = FaultPoint.class,
      names = {"RENAME_TARGET_CLAIMED", "RENAME_ENTITY_SWAPPED", "RENAME_SOURCE_RELEASED"})
  void aRenameInterruptedAfterAnyStepLeavesExactlyOneNameAndRepairsItself(FaultPoint point) {
    FloeCatalog setup = restarted();
    Table table =
        setup.createTable(OLD, SCHEMA, PartitionSpec.unpartitioned(), Map.of("kept", "yes"));
    String uuid = table.uuid().toString();

    assertThatThrownBy(() -> catalog(new CrashAt(point, 1)).renameTable(OLD, NEW))
        .isInstanceOf(CrashAt.SimulatedCrash.class);

    FloeCatalog after = restarted();
    boolean renamed = point != FaultPoint.RENAME_TARGET_CLAIMED;
    TableIdentifier valid = renamed ? NEW : OLD;
    TableIdentifier gone = renamed ? OLD : NEW;
    assertThat(after.tableExists(valid)).isTrue();
    assertThat(after.tableExists(gone)).isFalse();
    assertThat(after.listTables(NS)).containsExactly(valid);
    assertThat(after.loadTable(valid).uuid().toString()).isEqualTo(uuid);
    assertThat(after.loadTable(valid).properties()).containsEntry("kept", "yes");

    // the next operations succeed: commit, take the leftover name for a new table, drop both
    after.commitTable(
        valid, List.of(), List.of(new MetadataUpdate.SetProperties(Map.of("after", "crash"))));
    assertThat(after.loadTable(valid).properties()).containsEntry("after", "crash");
    Table replacement = after.createTable(gone, SCHEMA);
    assertThat(replacement.uuid().toString()).isNotEqualTo(uuid);
    assertThat(after.listTables(NS)).containsExactlyInAnyOrder(OLD, NEW);
    assertThat(after.dropTable(OLD, true)).isTrue();
    assertThat(after.dropTable(NEW, true)).isTrue();
    assertThat(after.dropNamespace(NS)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = FaultPoint.class,
      names = {"RENAME_TARGET_CLAIMED", "RENAME_ENTITY_SWAPPED", "RENAME_SOURCE_RELEASED"})
  void aRenameRetriedAfterACrashCompletes(FaultPoint point) {
    restarted().createTable(OLD, SCHEMA);

    assertThatThrownBy(() -> catalog(new CrashAt(point, 1)).renameTable(OLD, NEW))
        .isInstanceOf(CrashAt.SimulatedCrash.class);

    FloeCatalog after = restarted();
    if (after.tableExists(OLD)) {
      after.renameTable(OLD, NEW);
    }
    assertThat(after.listTables(NS)).containsExactly(NEW);
    assertThat(after.tableExists(OLD)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "TXN_RECORD_WRITTEN, 1, false",
    "TXN_ENTITY_PENDING, 1, false",
    "TXN_ENTITY_PENDING, 2, false",
    "TXN_COMMITTED, 1, true",
    "TXN_ENTITY_APPLIED, 1, true",
    "TXN_ENTITY_APPLIED, 2, true",
    "TXN_RECORD_DELETED, 1, true"
  })
  void aTransactionInterruptedAfterAnyStepIsAllOrNothing(
      FaultPoint point, int occurrence, boolean committed) {
    TableIdentifier a = TableIdentifier.of(NS, "a");
    TableIdentifier b = TableIdentifier.of(NS, "b");
    FloeCatalog setup = restarted();
    setup.createTable(a, SCHEMA);
    setup.createTable(b, SCHEMA);

    assertThatThrownBy(
            () ->
                catalog(new CrashAt(point, occurrence))
                    .commitTransaction(List.of(setVersion(a, "1"), setVersion(b, "1"))))
        .isInstanceOf(CrashAt.SimulatedCrash.class);

    // before the deadline, readers see either all of it or none of it
    FloeCatalog after = restarted();
    String expected = committed ? "1" : null;
    assertThat(after.loadTable(a).properties().get("version")).isEqualTo(expected);
    assertThat(after.loadTable(b).properties().get("version")).isEqualTo(expected);

    // past the deadline, writers settle what the dead committer left and go ahead
    clock.advance(TIMEOUT.plusSeconds(1));
    after.commitTable(a, List.of(), List.of(new MetadataUpdate.SetProperties(Map.of("next", "a"))));
    after.commitTable(b, List.of(), List.of(new MetadataUpdate.SetProperties(Map.of("next", "b"))));
    assertThat(after.loadTable(a).properties()).containsEntry("next", "a");
    assertThat(after.loadTable(b).properties()).containsEntry("next", "b");
    assertThat(after.loadTable(a).properties().get("version")).isEqualTo(expected);
    assertThat(after.loadTable(b).properties().get("version")).isEqualTo(expected);
    after.commitTransaction(List.of(setVersion(a, "2"), setVersion(b, "2")));
    assertThat(after.loadTable(a).properties()).containsEntry("version", "2");
    assertThat(after.loadTable(b).properties()).containsEntry("version", "2");
    assertThat(fixture.store().listKeys(bucket, CatalogKeys.TRANSACTIONS))
        .as("no transaction record outlives its transaction's deadline")
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = FaultPoint.class,
      names = {"COMMIT_METADATA_WRITTEN"})
  void aCommitInterruptedBeforeItsSwapLeavesTheTableAsItWas(FaultPoint point) {
    TableIdentifier ident = TableIdentifier.of(NS, "t");
    restarted().createTable(ident, SCHEMA);

    assertThatThrownBy(
            () ->
                catalog(new CrashAt(point, 1))
                    .commitTable(
                        ident,
                        List.of(),
                        List.of(new MetadataUpdate.SetProperties(Map.of("k", "v")))))
        .isInstanceOf(CrashAt.SimulatedCrash.class);

    FloeCatalog after = restarted();
    assertThat(after.loadTable(ident).properties()).doesNotContainKey("k");
    after.commitTable(
        ident, List.of(), List.of(new MetadataUpdate.SetProperties(Map.of("k", "v"))));
    assertThat(after.loadTable(ident).properties()).containsEntry("k", "v");
  }

  @ParameterizedTest
  @EnumSource(
      value = FaultPoint.class,
      names = {"CREATE_ENTITY_WRITTEN"})
  void aCreateInterruptedBeforeItsNameLeavesNoTable(FaultPoint point) {
    TableIdentifier ident = TableIdentifier.of(NS, "t");

    assertThatThrownBy(() -> catalog(new CrashAt(point, 1)).createTable(ident, SCHEMA))
        .isInstanceOf(CrashAt.SimulatedCrash.class);

    FloeCatalog after = restarted();
    assertThat(after.tableExists(ident)).isFalse();
    assertThat(after.listTables(NS)).isEmpty();
    after.createTable(ident, SCHEMA);
    assertThat(after.tableExists(ident)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = FaultPoint.class,
      names = {"DROP_ENTITY_DELETED"})
  void aDropInterruptedAfterItsEntityLeavesNoTableAndItsMetadataCanBeRegisteredAgain(
      FaultPoint point) {
    TableIdentifier ident = TableIdentifier.of(NS, "t");
    Table table = restarted().createTable(ident, SCHEMA);
    String metadata =
        ((org.apache.iceberg.HasTableOperations) table)
            .operations()
            .current()
            .metadataFileLocation();

    assertThatThrownBy(() -> catalog(new CrashAt(point, 1)).dropTable(ident, false))
        .isInstanceOf(CrashAt.SimulatedCrash.class);

    FloeCatalog after = restarted();
    assertThat(after.tableExists(ident)).isFalse();
    assertThat(after.registerTable(ident, metadata).uuid()).isEqualTo(table.uuid());
    assertThat(after.dropTable(ident, true)).isTrue();
    assertThat(after.dropNamespace(NS)).isTrue();
  }

  private static TableCommit setVersion(TableIdentifier ident, String version) {
    return new TableCommit() {
      @Override
      public TableIdentifier identifier() {
        return ident;
      }

      @Override
      public List<UpdateRequirement> requirements() {
        return List.of();
      }

      @Override
      public List<MetadataUpdate> updates() {
        return List.of(new MetadataUpdate.SetProperties(Map.of("version", version)));
      }
    };
  }
}
