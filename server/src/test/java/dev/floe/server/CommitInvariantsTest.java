package dev.floe.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotParser;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits that would break a table are refused with 400 whichever client sends them (DESIGN §3),
 * and the table stays readable by Iceberg's generic reader with the rows it had.
 */
class CommitInvariantsTest {
  private static final Schema SCHEMA =
      new Schema(
          Types.NestedField.required(1, "id", Types.LongType.get()),
          Types.NestedField.optional(2, "name", Types.StringType.get()));
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  static FloeTestServer floe;
  static RESTCatalog catalog;
  Table table;
  DataFile first;
  List<Long> rowsBefore;

  @BeforeAll
  static void start() throws Exception {
    floe = FloeTestServer.start(dataDir);
    floe.createWarehouse("checked");
    catalog = floe.catalog("checked");
    catalog.createNamespace(Namespace.of("ns"));
  }

  @AfterAll
  static void stop() throws Exception {
    catalog.close();
    floe.close();
  }

  @BeforeEach
  void tableWithTwoFilesAndADeletionVector() throws Exception {
    table = catalog.createTable(TableIdentifier.of("ns", "t" + UUID.randomUUID().toString().replace("-", "")), SCHEMA);
    first = TableIntegrityTest.writeRows(table, 0, 5);
    table.newAppend().appendFile(first).appendFile(TableIntegrityTest.writeRows(table, 5, 5)).commit();
    table.newRowDelta().addDeletes(TableIntegrityTest.deletionVector(table, first.location(), 0)).commit();
    rowsBefore = TableIntegrityTest.rows(table);
    assertThat(rowsBefore).hasSize(9);
  }

  /**
   * Iceberg 1.12's RowDelta already refuses this on the client ("Found concurrently added DV");
   * the catalog refuses it as well for clients that do not check.
   */
  @Test
  void aSecondLiveDeletionVectorForADataFileIsRefused() throws Exception {
    assertThatThrownBy(
            () -> table.newRowDelta()
                .addDeletes(TableIntegrityTest.deletionVector(table, first.location(), 1))
                .commit())
        .isInstanceOfAny(BadRequestException.class, ValidationException.class)
        .hasMessageContaining("DV");
    assertTableReadsAsBefore();
  }

  /**
   * The case Iceberg's library lets through (NOTES): a later RowDelta that validates only from the
   * current snapshot adds a second DV for a data file whose first DV sits in a manifest carried
   * over from an earlier snapshot. Only the catalog can see the two together.
   */
  @Test
  void aSecondDeletionVectorCommittedLaterWithoutConflictValidationIsRefused() throws Exception {
    table.newAppend().appendFile(TableIntegrityTest.writeRows(table, 10, 2)).commit();
    long current = table.currentSnapshot().snapshotId();

    assertThatThrownBy(
            () -> table.newRowDelta()
                .addDeletes(TableIntegrityTest.deletionVector(table, first.location(), 1))
                .validateFromSnapshot(current)
                .commit())
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining(first.location())
        .hasMessageContaining("2 live deletion vectors");
    assertThat(catalog.loadTable(identifier()).currentSnapshot().snapshotId()).isEqualTo(current);
    assertThat(TableIntegrityTest.rows(catalog.loadTable(identifier())))
        .containsExactlyInAnyOrderElementsOf(rowsWith(10L, 11L));
  }

  @Test
  void aFileOutsideTheTableLocationIsRefused() {
    DataFile foreign =
        DataFiles.builder(table.spec())
            .withPath("s3://assets/elsewhere/foreign.parquet")
            .withFileSizeInBytes(100)
            .withRecordCount(1)
            .build();
    assertThatThrownBy(() -> table.newAppend().appendFile(foreign).commit())
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("outside the table location");
    assertTableReadsAsBefore();
  }

  @Test
  void aSnapshotWhoseRowIdsOverrunItsAddedRowsIsRefused() throws Exception {
    commitTampered(snapshot -> snapshot.put("added-rows", 0));
    assertTableReadsAsBefore();
  }

  @Test
  void aSnapshotWithAMissingManifestListIsRefused() throws Exception {
    commitTampered(
        snapshot -> snapshot.put("manifest-list", table.location() + "/metadata/snap-missing.avro"));
    assertTableReadsAsBefore();
  }

  /**
   * Prepares an ordinary append, alters its snapshot as a buggy or hostile client could, and
   * commits it through the REST catalog: the commit must be refused.
   */
  private void commitTampered(Consumer<ObjectNode> tamper) throws Exception {
    Snapshot prepared =
        table.newAppend().appendFile(TableIntegrityTest.writeRows(table, 100, 3)).apply();
    ObjectNode json = (ObjectNode) JSON.readTree(SnapshotParser.toJson(prepared));
    tamper.accept(json);
    Snapshot tampered = SnapshotParser.fromJson(JSON.writeValueAsString(json));
    TableOperations ops = ((HasTableOperations) table).operations();
    TableMetadata base = ops.refresh();
    TableMetadata updated =
        TableMetadata.buildFrom(base)
            .addSnapshot(tampered)
            .setRef(SnapshotRef.MAIN_BRANCH, SnapshotRef.branchBuilder(tampered.snapshotId()).build())
            .build();
    assertThatThrownBy(() -> ops.commit(base, updated)).isInstanceOf(BadRequestException.class);
  }

  private void assertTableReadsAsBefore() {
    assertThat(TableIntegrityTest.rows(catalog.loadTable(identifier()))).isEqualTo(rowsBefore);
  }

  private TableIdentifier identifier() {
    return TableIdentifier.parse(table.name().substring(table.name().indexOf('.') + 1));
  }

  private List<Long> rowsWith(Long... added) {
    List<Long> rows = new ArrayList<>(rowsBefore);
    rows.addAll(List.of(added));
    return rows;
  }
}
