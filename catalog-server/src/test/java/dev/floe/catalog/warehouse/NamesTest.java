package dev.floe.catalog.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.catalog.store.EmbeddedS3;
import dev.floe.catalog.store.S3ObjectStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names and namespaces on S3Proxy's filesystem store, where keys become file paths. */
class NamesTest {
  private static final Schema SCHEMA =
      new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));
  private static final String LONGEST = "n".repeat(CatalogNames.MAX_BYTES);

  @TempDir static Path data;
  private static EmbeddedS3 s3;
  private static S3ObjectStore store;
  private static int warehouses;
  private FloeCatalog catalog;

  @BeforeAll
  static void startStore() throws Exception {
    s3 = EmbeddedS3.onDisk(data);
    store = new S3ObjectStore(s3.connection());
  }

  @AfterAll
  static void stopStore() throws Exception {
    store.close();
    s3.close();
  }

  @BeforeEach
  void freshWarehouse() {
    String name = "names-" + ++warehouses;
    Warehouses registry =
        new Warehouses(
            store, s3.connection(), "floe-system", new SimpleMeterRegistry(), Clock.systemUTC());
    registry.create(name, false);
    catalog = registry.catalog(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {".", "..", "a/b", "tab\there", "bell\u0007", "unit\u001fsep", "del\u007f"})
  void badNamesAreRefusedWithAClearMessage(String bad) {
    assertThatThrownBy(() -> catalog.createNamespace(Namespace.of(bad)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith("Invalid namespace level");
    catalog.createNamespace(Namespace.of("ok"), Map.of());
    assertThatThrownBy(() -> catalog.createTable(TableIdentifier.of("ok", bad), SCHEMA))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith("Invalid name");
  }

  @Test
  void anEmptyNamespaceLevelIsRefused() {
    assertThatThrownBy(() -> catalog.createNamespace(Namespace.of("ok", "")))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("Invalid namespace level: must not be empty");
  }

  @Test
  void namesLongerThan255BytesAreRefused() {
    String tooLong = "é".repeat(128);

    assertThatThrownBy(() -> catalog.createNamespace(Namespace.of(tooLong)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("256 bytes");
  }

  @Test
  void nestedNamespacesNeedTheirParentAndListByLevel() {
    assertThatThrownBy(() -> catalog.createNamespace(Namespace.of("a", "b")))
        .isInstanceOf(NoSuchNamespaceException.class);

    catalog.createNamespace(Namespace.of("a"));
    catalog.createNamespace(Namespace.of("a", "b"));
    catalog.createNamespace(Namespace.of("a", "b", "c"));
    catalog.createNamespace(Namespace.of("a.b"));
    catalog.createTable(TableIdentifier.of(Namespace.of("a", "b"), "t"), SCHEMA);
    catalog.createTable(TableIdentifier.of(Namespace.of("a", "b", "c"), "t"), SCHEMA);
    catalog.createTable(TableIdentifier.of(Namespace.of("a.b"), "t"), SCHEMA);

    assertThat(catalog.listNamespaces())
        .containsExactlyInAnyOrder(Namespace.of("a"), Namespace.of("a.b"));
    assertThat(catalog.listNamespaces(Namespace.of("a"))).containsExactly(Namespace.of("a", "b"));
    assertThat(catalog.listTables(Namespace.of("a", "b")))
        .containsExactly(TableIdentifier.of(Namespace.of("a", "b"), "t"));
    assertThat(catalog.listTables(Namespace.of("a.b")))
        .containsExactly(TableIdentifier.of(Namespace.of("a.b"), "t"));
  }

  @Test
  void aLargeNamespaceListsExactlyItsValidNamesOfEachKind() {
    Namespace ns = Namespace.of("big");
    catalog.createNamespace(ns);
    List<TableIdentifier> tables = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      tables.add(TableIdentifier.of(ns, "t" + i));
      catalog.createTable(tables.get(i), SCHEMA);
    }
    TableIdentifier view = TableIdentifier.of(ns, "v");
    catalog
        .buildView(view)
        .withSchema(SCHEMA)
        .withDefaultNamespace(ns)
        .withQuery("spark", "select 1")
        .create();
    assertThat(catalog.listTables(ns)).containsExactlyInAnyOrderElementsOf(tables);

    catalog.renameTable(tables.get(0), TableIdentifier.of(ns, "renamed"));
    catalog.dropTable(tables.get(1), true);
    catalog.commitTable(
        tables.get(2), List.of(), List.of(new MetadataUpdate.SetProperties(Map.of("k", "v"))));
    assertThatThrownBy(
            () ->
                fixtureCatalogCrashingAt(FaultPoint.RENAME_TARGET_CLAIMED)
                    .renameTable(tables.get(3), TableIdentifier.of(ns, "half_renamed")))
        .isInstanceOf(CrashAt.SimulatedCrash.class);

    List<TableIdentifier> expected = new ArrayList<>(tables.subList(2, 30));
    expected.add(TableIdentifier.of(ns, "renamed"));
    assertThat(catalog.listTables(ns)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(catalog.listViews(ns)).containsExactly(view);
  }

  private FloeCatalog fixtureCatalogCrashingAt(FaultPoint point) {
    FloeCatalog crashing =
        new FloeCatalog(
            catalog.bucket(),
            store,
            s3.connection(),
            new SimpleMeterRegistry(),
            Clock.systemUTC(),
            new CrashAt(point, 1),
            FloeCatalog.TRANSACTION_TIMEOUT);
    crashing.initialize(catalog.name(), Map.of());
    return crashing;
  }

  @Test
  void theLongestNamesWorkEndToEndOnAFileSystemStore() {
    Namespace namespace = Namespace.of(LONGEST, LONGEST);
    TableIdentifier table = TableIdentifier.of(namespace, LONGEST);
    TableIdentifier view = TableIdentifier.of(namespace, LONGEST.substring(1));

    catalog.createNamespace(Namespace.of(LONGEST));
    catalog.createNamespace(namespace, Map.of("k", "v"));
    catalog.createTable(table, SCHEMA);
    catalog
        .buildView(view)
        .withSchema(SCHEMA)
        .withDefaultNamespace(namespace)
        .withQuery("spark", "select 1")
        .create();

    assertThat(catalog.listNamespaces()).containsExactly(Namespace.of(LONGEST));
    assertThat(catalog.listNamespaces(Namespace.of(LONGEST))).containsExactly(namespace);
    assertThat(catalog.loadNamespaceMetadata(namespace)).containsEntry("k", "v");
    assertThat(catalog.listTables(namespace)).containsExactly(table);
    assertThat(catalog.listViews(namespace)).containsExactly(view);
    catalog.renameTable(table, TableIdentifier.of(namespace, "short"));
    assertThat(catalog.listTables(namespace))
        .containsExactly(TableIdentifier.of(namespace, "short"));
    assertThat(catalog.dropTable(TableIdentifier.of(namespace, "short"), true)).isTrue();
    assertThat(catalog.dropView(view)).isTrue();
    assertThat(catalog.dropNamespace(namespace)).isTrue();
  }
}
