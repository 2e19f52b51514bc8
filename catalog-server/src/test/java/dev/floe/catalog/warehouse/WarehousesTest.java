package dev.floe.catalog.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.catalog.store.EmbeddedS3;
import dev.floe.catalog.store.S3ObjectStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.view.View;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Warehouses: buckets with a catalog inside, registered in the system bucket. */
class WarehousesTest {
  private static final Schema SCHEMA =
      new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));
  private static EmbeddedS3 s3;
  private static S3ObjectStore store;
  private static int systems;
  private Warehouses warehouses;

  @BeforeAll
  static void startStore() throws Exception {
    s3 = EmbeddedS3.inMemory();
    store = new S3ObjectStore(s3.connection());
  }

  @AfterAll
  static void stopStore() throws Exception {
    store.close();
    s3.close();
  }

  @BeforeEach
  void freshDeployment() {
    warehouses = deployment("system-" + ++systems);
  }

  private static Warehouses deployment(String systemBucket) {
    return new Warehouses(
        store, s3.connection(), systemBucket, new SimpleMeterRegistry(), Clock.systemUTC());
  }

  private static String unique(String name) {
    return name + "-" + systems;
  }

  @Test
  void aNewWarehouseIsABucketWithARecordAndACatalogMakingV3Tables() {
    String name = unique("analytics");

    WarehouseRecord created = warehouses.create(name, false);

    assertThat(created.name()).isEqualTo(name);
    assertThat(created.id()).isNotBlank();
    assertThat(created.created()).isNotNull();
    assertThat(store.bucketExists(name)).isTrue();
    assertThat(warehouses.get(name)).isEqualTo(created);
    assertThat(warehouses.list()).containsExactly(created);
    FloeCatalog catalog = warehouses.catalog(name);
    assertThat(warehouses.catalog(name)).isSameAs(catalog);
    catalog.createNamespace(Namespace.of("ns"));
    Table table = catalog.createTable(TableIdentifier.of("ns", "t"), SCHEMA);
    assertThat(
            ((org.apache.iceberg.HasTableOperations) table).operations().current().formatVersion())
        .isEqualTo(3);
    assertThat(table.location()).isEqualTo("s3://" + name + "/" + table.uuid());
  }

  @Test
  void aWarehouseNameIsTakenOnce() {
    String name = unique("once");
    warehouses.create(name, false);

    assertThatThrownBy(() -> warehouses.create(name, false))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("Warehouse already exists: " + name);
    assertThatThrownBy(() -> warehouses.create(name, true))
        .isInstanceOf(AlreadyExistsException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab",
        "Upper",
        "under_score",
        "a..b",
        "-lead",
        "trail-",
        "192.168.1.1",
        "xn--x",
        "x-s3alias"
      })
  void aWarehouseNameFollowsBucketNamingRules(String name) {
    assertThatThrownBy(() -> warehouses.create(name, false))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Invalid warehouse name");
    assertThat(store.bucketExists(name.toLowerCase(java.util.Locale.ROOT))).isFalse();
  }

  @Test
  void theSystemBucketIsNotAWarehouse() {
    String system = "system-" + systems;
    assertThatThrownBy(() -> warehouses.create(system, true))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("reserved");
  }

  @Test
  void anExistingBucketIsAdoptedOnlyWhenAsked() {
    String name = unique("existing");
    store.createBucket(name);
    store.put(name, "some/asset.png", new byte[] {1});

    assertThatThrownBy(() -> warehouses.create(name, false))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessageContaining("upgrade-existing");
    assertThat(warehouses.list()).isEmpty();

    WarehouseRecord adopted = warehouses.create(name, true);
    assertThat(warehouses.get(name)).isEqualTo(adopted);
    assertThat(store.get(name, "some/asset.png")).isPresent();
  }

  @Test
  void adoptingABucketThatHoldsACatalogKeepsItsIdentityAndTables() {
    String name = unique("moved");
    WarehouseRecord original = warehouses.create(name, false);
    FloeCatalog catalog = warehouses.catalog(name);
    catalog.createNamespace(Namespace.of("ns"));
    catalog.createTable(TableIdentifier.of("ns", "t"), SCHEMA);

    Warehouses elsewhere = deployment("other-system-" + systems);
    WarehouseRecord adopted = elsewhere.create(name, true);

    assertThat(adopted.id()).isEqualTo(original.id());
    assertThat(adopted.created()).isEqualTo(original.created());
    assertThat(elsewhere.catalog(name).listTables(Namespace.of("ns")))
        .containsExactly(TableIdentifier.of("ns", "t"));
  }

  @Test
  void anUnknownWarehouseIsNotFound() {
    assertThatThrownBy(() -> warehouses.get("nowhere"))
        .isInstanceOf(NoSuchWarehouseException.class)
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Warehouse does not exist: nowhere");
    assertThatThrownBy(() -> warehouses.catalog("nowhere"))
        .isInstanceOf(NoSuchWarehouseException.class);
    assertThatThrownBy(() -> warehouses.delete("nowhere", true))
        .isInstanceOf(NoSuchWarehouseException.class);
  }

  @Test
  void anEmptyWarehouseIsDeletedWithItsBucket() {
    String name = unique("empty");
    warehouses.create(name, false);
    warehouses.catalog(name);

    warehouses.delete(name, false);

    assertThat(store.bucketExists(name)).isFalse();
    assertThat(warehouses.list()).isEmpty();
    assertThatThrownBy(() -> warehouses.catalog(name)).isInstanceOf(NoSuchWarehouseException.class);
  }

  @Test
  void aWarehouseWithNamespacesOrLeftoverFilesIsDeletedOnlyWithPurge() {
    String name = unique("busy");
    warehouses.create(name, false);
    FloeCatalog catalog = warehouses.catalog(name);
    catalog.createNamespace(Namespace.of("ns"));
    TableIdentifier ident = TableIdentifier.of("ns", "t");
    catalog.createTable(ident, SCHEMA);

    assertThatThrownBy(() -> warehouses.delete(name, false))
        .isInstanceOf(WarehouseNotEmptyException.class)
        .hasMessageContaining("namespaces");

    catalog.dropTable(ident, false);
    catalog.dropNamespace(Namespace.of("ns"));
    assertThatThrownBy(() -> warehouses.delete(name, false))
        .isInstanceOf(WarehouseNotEmptyException.class)
        .hasMessageContaining("files of dropped tables");

    warehouses.delete(name, true);
    assertThat(store.bucketExists(name)).isFalse();
    assertThatThrownBy(() -> warehouses.get(name)).isInstanceOf(NoSuchWarehouseException.class);
  }

  @Test
  void aRestartedServerOverTheSameDataSeesEverything(@TempDir Path data) throws Exception {
    String name = "restart";
    Namespace deep = Namespace.of("a", "b", "c");
    TableIdentifier tableId = TableIdentifier.of(deep, "events");
    TableIdentifier viewId = TableIdentifier.of(Namespace.of("a"), "recent");
    String metadataLocation;
    String dataFile;
    try (EmbeddedS3 first = EmbeddedS3.onDisk(data);
        S3ObjectStore firstStore = new S3ObjectStore(first.connection())) {
      Warehouses before =
          new Warehouses(
              firstStore,
              first.connection(),
              "floe-system",
              new SimpleMeterRegistry(),
              Clock.systemUTC());
      before.create(name, false);
      FloeCatalog catalog = before.catalog(name);
      catalog.createNamespace(Namespace.of("a"), Map.of("owner", "team"));
      catalog.createNamespace(Namespace.of("a", "b"));
      catalog.createNamespace(deep);
      catalog.createTable(TableIdentifier.of(Namespace.of("a"), "top"), SCHEMA);
      catalog.createTable(TableIdentifier.of(Namespace.of("a", "b"), "middle"), SCHEMA);
      Table table = catalog.createTable(tableId, SCHEMA, PartitionSpec.unpartitioned());
      dataFile = table.locationProvider().newDataLocation("part-0.parquet");
      write(table.io().newOutputFile(dataFile), new byte[] {1, 2, 3});
      table
          .newFastAppend()
          .appendFile(
              org.apache.iceberg.DataFiles.builder(PartitionSpec.unpartitioned())
                  .withPath(dataFile)
                  .withFileSizeInBytes(3)
                  .withRecordCount(1)
                  .build())
          .commit();
      catalog.commitTable(
          tableId,
          java.util.List.of(),
          java.util.List.of(new MetadataUpdate.SetProperties(Map.of("k", "v"))));
      catalog
          .buildView(viewId)
          .withSchema(SCHEMA)
          .withDefaultNamespace(deep)
          .withQuery("spark", "select * from a.b.c.events")
          .create();
      metadataLocation = catalog.currentMetadataLocation(tableId).orElseThrow();
      catalog.close();
    }

    try (EmbeddedS3 second = EmbeddedS3.onDisk(data);
        S3ObjectStore secondStore = new S3ObjectStore(second.connection())) {
      Warehouses after =
          new Warehouses(
              secondStore,
              second.connection(),
              "floe-system",
              new SimpleMeterRegistry(),
              Clock.systemUTC());
      assertThat(after.list()).extracting(WarehouseRecord::name).containsExactly(name);
      FloeCatalog catalog = after.catalog(name);
      assertThat(catalog.listNamespaces()).containsExactly(Namespace.of("a"));
      assertThat(catalog.listNamespaces(Namespace.of("a", "b"))).containsExactly(deep);
      assertThat(catalog.loadNamespaceMetadata(Namespace.of("a"))).containsEntry("owner", "team");
      assertThat(catalog.listTables(deep)).containsExactly(tableId);
      assertThat(catalog.listTables(Namespace.of("a", "b")))
          .containsExactly(TableIdentifier.of(Namespace.of("a", "b"), "middle"));
      assertThat(catalog.currentMetadataLocation(tableId)).contains(metadataLocation);
      Table table = catalog.loadTable(tableId);
      assertThat(table.properties()).containsEntry("k", "v");
      assertThat(table.currentSnapshot().addedDataFiles(table.io()))
          .extracting(f -> f.location())
          .containsExactly(dataFile);
      assertThat(table.io().newInputFile(dataFile).exists()).isTrue();
      View view = catalog.loadView(viewId);
      assertThat(view.sqlFor("spark").sql()).isEqualTo("select * from a.b.c.events");
      catalog.commitTable(
          tableId,
          java.util.List.of(),
          java.util.List.of(new MetadataUpdate.SetProperties(Map.of("after", "restart"))));
      assertThat(catalog.loadTable(tableId).properties()).containsEntry("after", "restart");
      catalog.close();
    }
  }

  private static void write(OutputFile file, byte[] bytes) throws IOException {
    try (PositionOutputStream out = file.create()) {
      out.write(bytes);
    }
  }
}
