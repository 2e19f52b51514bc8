package dev.floe.catalog.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.UpdateRequirement;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What one instance remembers about table names (uuid, last entity version) must never outlive a
 * change made on another instance: renames, drops and re-creations under the same name are seen at
 * once, and a commit from a stale memory lands on the current table or not at all.
 */
class TableNameCacheTest {
  private static final Schema SCHEMA =
      new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));
  private static final Namespace NS = Namespace.of("ns");
  private static final TableIdentifier T = TableIdentifier.of(NS, "t");

  private static StoreFixture fixture;
  private CountingStore counted;
  private FloeCatalog first;
  private FloeCatalog second;

  @BeforeAll
  static void startStore() throws Exception {
    fixture = StoreFixture.inMemory();
  }

  @AfterAll
  static void stopStore() throws Exception {
    fixture.close();
  }

  @BeforeEach
  void twoInstancesOnOneWarehouse() {
    fixture.closeCatalogs();
    String bucket = fixture.newBucket();
    counted = new CountingStore(fixture.store());
    first =
        fixture.catalog(
            counted, bucket, Map.of(), CatalogFaults.NONE, Clock.systemUTC(),
            FloeCatalog.TRANSACTION_TIMEOUT);
    second = fixture.catalog(bucket, Map.of());
    first.createNamespace(NS, Map.of());
  }

  @Test
  void aKnownTableLoadsWithOneReadAndCommitsWithTwoWrites() {
    counted.take();
    Table created = first.createTable(T, SCHEMA);
    assertThat(counted.take())
        .as("round trips of a create: namespace, metadata and entity side by side, then the name")
        .isEqualTo(4);
    assertThat(((HasTableOperations) created).operations().current().uuid())
        .isEqualTo(created.uuid().toString());
    assertThat(counted.take()).as("round trips to read back what the create wrote").isZero();

    first.loadTable(T);
    assertThat(counted.take()).as("round trips of a load").isEqualTo(1);

    first.commitTable(T, List.of(), setProperty("k", "v"));
    assertThat(counted.take()).as("round trips of an uncontended commit").isEqualTo(2);
    assertThat(second.loadTable(T).properties()).containsEntry("k", "v");
  }

  @Test
  void aCommitFromAStaleMemoryIsRetriedOnTheCurrentVersion() {
    first.createTable(T, SCHEMA);
    first.loadTable(T);
    second.commitTable(T, List.of(), setProperty("from", "second"));

    TableMetadata committed = first.commitTable(T, List.of(), setProperty("from", "first"));

    assertThat(committed.properties()).containsEntry("from", "first");
    assertThat(second.loadTable(T).currentSnapshot()).isNull();
    assertThat(second.loadTable(T).properties()).containsEntry("from", "first");
  }

  @Test
  void aRequirementCheckedAgainstAStaleMemoryIsCheckedAgainAgainstTheCurrentTable() {
    first.createTable(T, SCHEMA);
    first.loadTable(T);
    second.commitTable(T, List.of(), setProperty("k", "1"));
    String current = second.loadTable(T).uuid().toString();

    TableMetadata committed =
        first.commitTable(
            T, List.of(new UpdateRequirement.AssertTableUUID(current)), setProperty("k", "2"));

    assertThat(committed.properties()).containsEntry("k", "2");
  }

  @Test
  void aRenameOnAnotherInstanceIsSeenAtOnce() {
    first.createTable(T, SCHEMA);
    first.loadTable(T);
    TableIdentifier moved = TableIdentifier.of(NS, "moved");

    second.renameTable(T, moved);

    assertThat(first.tableExists(T)).isFalse();
    assertThatThrownBy(() -> first.loadTable(T)).isInstanceOf(NoSuchTableException.class);
    assertThatThrownBy(() -> first.commitTable(T, List.of(), setProperty("k", "v")))
        .isInstanceOf(NoSuchTableException.class);
    assertThat(first.loadTable(moved).properties()).doesNotContainKey("k");
  }

  @Test
  void aDropAndRecreateUnderTheSameNameOnAnotherInstanceIsSeenAtOnce() {
    UUID original = first.createTable(T, SCHEMA).uuid();
    first.loadTable(T);

    second.dropTable(T, true);
    UUID recreated = second.createTable(T, SCHEMA).uuid();

    assertThat(first.loadTable(T).uuid()).isEqualTo(recreated).isNotEqualTo(original);
    first.commitTable(T, List.of(), setProperty("k", "v"));
    assertThat(second.loadTable(T).properties()).containsEntry("k", "v");
  }

  @Test
  void aRenameAwayAndANewTableUnderTheOldNameAreBothSeen() {
    UUID original = first.createTable(T, SCHEMA).uuid();
    first.loadTable(T);
    TableIdentifier moved = TableIdentifier.of(NS, "moved");

    second.renameTable(T, moved);
    UUID newcomer = second.createTable(T, SCHEMA).uuid();
    first.commitTable(T, List.of(), setProperty("k", "new"));

    assertThat(second.loadTable(T).uuid()).isEqualTo(newcomer);
    assertThat(second.loadTable(T).properties()).containsEntry("k", "new");
    assertThat(second.loadTable(moved).uuid()).isEqualTo(original);
    assertThat(second.loadTable(moved).properties()).doesNotContainKey("k");
  }

  @Test
  void aTableDroppedOnAnotherInstanceIsGone() {
    first.createTable(T, SCHEMA);
    first.loadTable(T);

    second.dropTable(T, false);

    assertThat(first.tableExists(T)).isFalse();
    assertThat(first.currentMetadataLocation(T)).isEmpty();
    assertThatThrownBy(() -> first.commitTable(T, List.of(), setProperty("k", "v")))
        .isInstanceOf(NoSuchTableException.class);
  }

  private static List<MetadataUpdate> setProperty(String key, String value) {
    return List.of(new MetadataUpdate.SetProperties(Map.of(key, value)));
  }
}
