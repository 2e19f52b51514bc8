package dev.floe.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Iceberg Java client with SigV4 drives a table through its whole life on Floe. */
class TableLifecycleTest {
  private static final Schema SCHEMA =
      new Schema(
          Types.NestedField.required(1, "id", Types.LongType.get()),
          Types.NestedField.optional(2, "name", Types.StringType.get()));

  @TempDir static Path dataDir;
  static FloeTestServer floe;
  static RESTCatalog catalog;

  @BeforeAll
  static void start() throws Exception {
    floe = FloeTestServer.start(dataDir);
    floe.createWarehouse("lifecycle");
    catalog = floe.catalog("lifecycle");
    catalog.createNamespace(Namespace.of("sales"));
  }

  @AfterAll
  static void stop() throws Exception {
    catalog.close();
    floe.close();
  }

  @Test
  void newTablesAreFormatV3AndLiveUnderTheirUuidInTheWarehouseBucket() {
    Table table = catalog.createTable(TableIdentifier.of("sales", "fresh"), SCHEMA);
    TableMetadata metadata = ((HasTableOperations) table).operations().current();

    assertThat(metadata.formatVersion()).isEqualTo(3);
    assertThat(table.location()).isEqualTo("s3://lifecycle/" + metadata.uuid());
  }

  @Test
  void aRequestedLocationIsReplacedByTheOneFloeAssigns() {
    Table table =
        catalog.buildTable(TableIdentifier.of("sales", "elsewhere"), SCHEMA)
            .withLocation("s3://some-other-bucket/somewhere")
            .create();

    assertThat(table.location()).startsWith("s3://lifecycle/");
  }

  @Test
  void formatVersionTwoOnRequestAndUpgradeLater() {
    TableIdentifier ident = TableIdentifier.of("sales", "legacy");
    Table table =
        catalog.buildTable(ident, SCHEMA).withProperty("format-version", "2").create();
    assertThat(((HasTableOperations) table).operations().current().formatVersion()).isEqualTo(2);

    table.updateProperties().set("format-version", "3").commit();

    Table reloaded = catalog.loadTable(ident);
    assertThat(((HasTableOperations) reloaded).operations().current().formatVersion()).isEqualTo(3);
  }

  @Test
  void writesCommitsReadsEvolvesRenamesAndPurges() throws IOException {
    TableIdentifier ident = TableIdentifier.of("sales", "orders");
    Table table = catalog.createTable(ident, SCHEMA, PartitionSpec.unpartitioned());

    table.newAppend().appendFile(writeRows(table, 0, 100)).commit();
    table.newAppend().appendFile(writeRows(table, 100, 50)).commit();
    assertThat(readIds(catalog.loadTable(ident))).hasSize(150).contains(0L, 149L);

    table.updateSchema().addColumn("amount", Types.DoubleType.get()).commit();
    table.updateProperties().set("owner", "sales-team").commit();
    Table reloaded = catalog.loadTable(ident);
    assertThat(reloaded.schema().findField("amount")).isNotNull();
    assertThat(reloaded.properties()).containsEntry("owner", "sales-team");
    assertThat(reloaded.snapshots()).hasSize(2);

    TableIdentifier renamed = TableIdentifier.of("sales", "orders_v2");
    catalog.renameTable(ident, renamed);
    assertThat(catalog.tableExists(ident)).isFalse();
    assertThat(readIds(catalog.loadTable(renamed))).hasSize(150);

    String location = reloaded.location();
    assertThat(catalog.dropTable(renamed, true)).isTrue();
    assertThatThrownBy(() -> catalog.loadTable(renamed)).isInstanceOf(NoSuchTableException.class);
    assertThat(objectsUnder(location)).isEmpty();
  }

  @Test
  void dropWithoutPurgeKeepsTheFiles() throws IOException {
    TableIdentifier ident = TableIdentifier.of("sales", "kept");
    Table table = catalog.createTable(ident, SCHEMA);
    table.newAppend().appendFile(writeRows(table, 0, 10)).commit();

    assertThat(catalog.dropTable(ident, false)).isTrue();

    assertThat(catalog.tableExists(ident)).isFalse();
    assertThat(objectsUnder(table.location())).isNotEmpty();
  }

  @Test
  void registerTableAdoptsExistingMetadata() throws IOException {
    TableIdentifier source = TableIdentifier.of("sales", "source");
    Table table = catalog.createTable(source, SCHEMA);
    table.newAppend().appendFile(writeRows(table, 0, 5)).commit();
    String metadataLocation = ((HasTableOperations) catalog.loadTable(source)).operations().current().metadataFileLocation();
    catalog.dropTable(source, false);

    Table registered = catalog.registerTable(TableIdentifier.of("sales", "registered"), metadataLocation);

    assertThat(readIds(registered)).hasSize(5);
  }

  private static DataFile writeRows(Table table, long firstId, int count) throws IOException {
    OutputFile file = table.io().newOutputFile(table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet"));
    DataWriter<Record> writer =
        Parquet.writeData(file)
            .schema(table.schema())
            .withSpec(table.spec())
            .createWriterFunc(GenericParquetWriter::create)
            .overwrite()
            .build();
    try (writer) {
      for (long id = firstId; id < firstId + count; id++) {
        GenericRecord record = GenericRecord.create(table.schema());
        record.setField("id", id);
        record.setField("name", "row-" + id);
        writer.write(record);
      }
    }
    return writer.toDataFile();
  }

  private static List<Long> readIds(Table table) throws IOException {
    List<Long> ids = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      records.forEach(record -> ids.add((Long) record.getField("id")));
    }
    return ids;
  }

  private static List<String> objectsUnder(String location) {
    String prefix = location.substring("s3://lifecycle/".length()) + "/";
    String body = floe.http().send("GET", "/lifecycle?list-type=2&prefix=" + prefix, null).body();
    List<String> keys = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<Key>([^<]+)</Key>").matcher(body);
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }
}
