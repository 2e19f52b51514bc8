package dev.floe.catalog.warehouse;

import static dev.floe.catalog.warehouse.TableChanges.commit;
import static dev.floe.catalog.warehouse.TableChanges.setProperty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.Schema;
import org.apache.iceberg.UpdateRequirement;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Multi-table transactions: all tables change, or none. */
class TransactionProtocolTest {
  private static final Namespace NS = Namespace.of("ns");
  private static final Schema SCHEMA =
      new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));
  private static final TableIdentifier A = TableIdentifier.of(NS, "a");
  private static final TableIdentifier B = TableIdentifier.of(NS, "b");
  private static final TableIdentifier C = TableIdentifier.of(NS, "c");

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
    for (TableIdentifier ident : List.of(A, B, C)) {
      catalog.createTable(ident, SCHEMA);
    }
  }

  @AfterEach
  void closeCatalogs() {
    fixture.closeCatalogs();
  }

  @Test
  void commitsEveryTableAndLeavesNoTrace() {
    catalog.commitTransaction(
        List.of(
            setProperty(A, "batch", "1"),
            setProperty(B, "batch", "1"),
            setProperty(C, "batch", "1")));

    for (TableIdentifier ident : List.of(A, B, C)) {
      assertThat(catalog.loadTable(ident).properties()).containsEntry("batch", "1");
    }
    assertThat(fixture.store().listKeys(catalog.bucket(), CatalogKeys.TRANSACTIONS)).isEmpty();
    assertNoPendingEntity();
  }

  @Test
  void aFailedRequirementOnOneTableChangesNoTable() {
    String before = catalog.currentMetadataLocation(A).orElseThrow();

    assertThatThrownBy(
            () ->
                catalog.commitTransaction(
                    List.of(
                        setProperty(A, "batch", "1"),
                        setProperty(B, "batch", "1"),
                        commit(
                            C,
                            List.of(
                                new UpdateRequirement.AssertTableUUID(
                                    UUID.randomUUID().toString())),
                            new MetadataUpdate.SetProperties(Map.of("batch", "1"))))))
        .isInstanceOf(CommitFailedException.class)
        .hasMessageContaining("UUID does not match");

    for (TableIdentifier ident : List.of(A, B, C)) {
      assertThat(catalog.loadTable(ident).properties()).doesNotContainKey("batch");
    }
    assertThat(catalog.currentMetadataLocation(A)).contains(before);
    assertThat(fixture.store().listKeys(catalog.bucket(), CatalogKeys.TRANSACTIONS)).isEmpty();
    assertNoPendingEntity();
  }

  @Test
  void overlappingTransactionsAndSingleCommitsAllLand() throws Exception {
    int writers = 6;
    int rounds = 10;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < rounds; i++) {
                  String key = "w" + writer + "." + i;
                  if (writer % 3 == 0) {
                    catalog.commitTable(
                        B,
                        List.of(),
                        List.of(new MetadataUpdate.SetProperties(Map.of(key, "single"))));
                  } else if (writer % 3 == 1) {
                    catalog.commitTransaction(
                        List.of(setProperty(A, key, "ab"), setProperty(B, key, "ab")));
                  } else {
                    catalog.commitTransaction(
                        List.of(setProperty(C, key, "cb"), setProperty(B, key, "cb")));
                  }
                }
                return null;
              }));
    }
    for (Future<?> future : done) {
      future.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();

    Map<String, String> a = catalog.loadTable(A).properties();
    Map<String, String> b = catalog.loadTable(B).properties();
    Map<String, String> c = catalog.loadTable(C).properties();
    for (int w = 0; w < writers; w++) {
      for (int i = 0; i < rounds; i++) {
        String key = "w" + w + "." + i;
        assertThat(b).containsKey(key);
        if (w % 3 == 1) {
          assertThat(a).containsEntry(key, "ab");
        } else if (w % 3 == 2) {
          assertThat(c).containsEntry(key, "cb");
        }
      }
    }
    assertNoPendingEntity();
    assertThat(fixture.store().listKeys(catalog.bucket(), CatalogKeys.TRANSACTIONS)).isEmpty();
  }

  @Test
  void refusesMalformedTransactions() {
    assertThatThrownBy(() -> catalog.commitTransaction(List.of()))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(
            () ->
                catalog.commitTransaction(
                    List.of(setProperty(A, "k", "1"), setProperty(A, "k", "2"))))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("appears twice");
    assertThatThrownBy(
            () ->
                catalog.commitTransaction(
                    List.of(
                        commit(
                            TableIdentifier.of(NS, "new"),
                            List.of(new UpdateRequirement.AssertTableDoesNotExist()),
                            new MetadataUpdate.SetProperties(Map.of("k", "v"))))))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(
            () ->
                catalog.commitTransaction(
                    List.of(
                        setProperty(A, "k", "1"),
                        setProperty(TableIdentifier.of(NS, "nope"), "k", "1"))))
        .isInstanceOf(NoSuchTableException.class);
    assertThat(catalog.loadTable(A).properties()).doesNotContainKey("k");
  }

  private void assertNoPendingEntity() {
    Entities entities =
        new Entities(
            new CatalogObjects(fixture.store(), catalog.bucket()), java.time.Clock.systemUTC());
    for (TableIdentifier ident : List.of(A, B, C)) {
      String uuid = catalog.loadTable(ident).uuid().toString();
      assertThat(entities.readRaw(uuid).orElseThrow().value().pending()).isNull();
    }
  }
}
