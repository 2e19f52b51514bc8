package dev.floe.catalog.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.UnprocessableEntityException;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A table commit under an Idempotency-Key is recorded by the same pointer swap that commits it: a
 * retry of the request finds its outcome there, on any instance, and is never applied twice; what
 * the pointer is about to forget is handed to the key's owner first.
 */
class KeyedCommitTest {
  private static final Schema SCHEMA =
      new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));
  private static final Namespace NS = Namespace.of("ns");
  private static final TableIdentifier T = TableIdentifier.of(NS, "t");

  private static StoreFixture fixture;
  private CountingStore counted;
  private FloeCatalog catalog;
  private FloeCatalog otherInstance;
  private KeyOwner owner;

  @BeforeAll
  static void startStore() throws Exception {
    fixture = StoreFixture.inMemory();
  }

  @AfterAll
  static void stopStore() throws Exception {
    fixture.close();
  }

  @BeforeEach
  void aTableOnTwoInstances() {
    fixture.closeCatalogs();
    String bucket = fixture.newBucket();
    counted = new CountingStore(fixture.store());
    catalog =
        fixture.catalog(
            counted, bucket, Map.of(), CatalogFaults.NONE, Clock.systemUTC(),
            FloeCatalog.TRANSACTION_TIMEOUT);
    otherInstance = fixture.catalog(bucket, Map.of());
    catalog.createNamespace(NS, Map.of());
    catalog.createTable(T, SCHEMA);
    catalog.loadTable(T);
    owner = new KeyOwner();
  }

  @Test
  void aRetryGetsWhatTheFirstRequestCommittedAndCommitsNothing() {
    TableMetadata first = catalog.commitTable(T, List.of(), setProperty("k", "1"), owner.key("a"));

    TableMetadata retried = catalog.commitTable(T, List.of(), setProperty("k", "1"), owner.key("a"));

    assertThat(retried.metadataFileLocation()).isEqualTo(first.metadataFileLocation());
    assertThat(catalog.currentMetadataLocation(T)).contains(first.metadataFileLocation());
    assertThat(owner.claims).as("a replay claims nothing").containsExactly("a");
  }

  @Test
  void aRetryReachingAnotherInstanceFindsTheCommitInThePointer() {
    TableMetadata first = catalog.commitTable(T, List.of(), setProperty("k", "1"), owner.key("a"));

    TableMetadata retried =
        otherInstance.commitTable(T, List.of(), setProperty("k", "1"), owner.key("a"));

    assertThat(retried.metadataFileLocation()).isEqualTo(first.metadataFileLocation());
    assertThat(otherInstance.loadTable(T).history()).isEmpty();
    assertThat(otherInstance.currentMetadata(T).orElseThrow().previousFiles()).hasSize(1);
  }

  @Test
  void theSameKeyForAnotherRequestIsRefused() {
    catalog.commitTable(T, List.of(), setProperty("k", "1"), owner.key("a"));

    assertThatThrownBy(
            () ->
                catalog.commitTable(
                    T, List.of(), setProperty("k", "2"), owner.keyFor("a", "another request")))
        .isInstanceOf(UnprocessableEntityException.class);
    assertThat(catalog.loadTable(T).properties()).containsEntry("k", "1");
  }

  @Test
  void aKeyHeldByAnEarlierRequestStopsTheCommitBeforeThePointerMoves() {
    String before = catalog.currentMetadataLocation(T).orElseThrow();
    owner.refuse("a");

    assertThatThrownBy(
            () -> catalog.commitTable(T, List.of(), setProperty("k", "1"), owner.key("a")))
        .isInstanceOf(IdempotencyKeyTakenException.class);

    assertThat(catalog.currentMetadataLocation(T)).contains(before);
    assertThat(fixture.store().listKeys(catalog.bucket(), uuidOf(T) + "/metadata/"))
        .as("the metadata file written beside the claim is removed again")
        .hasSize(1);
  }

  @Test
  void aKeyedCommitCostsTheSameRoundTripsAsAnyCommit() {
    counted.take();

    catalog.commitTable(T, List.of(), setProperty("k", "1"), owner.key("a"));

    assertThat(counted.take()).as("metadata file and pointer swap").isEqualTo(2);
  }

  @Test
  void aKeyedCommitThePointerForgetsIsHandedToTheKeyOwnerFirst() {
    List<TableMetadata> committed = new ArrayList<>();
    for (int i = 0; i <= EntityRecord.REMEMBERED_KEYED_COMMITS; i++) {
      committed.add(
          catalog.commitTable(T, List.of(), setProperty("k", "" + i), owner.key("key-" + i)));
    }

    assertThat(owner.remembered)
        .containsExactly(
            new KeyedCommit(
                "key-0", "request key-0", committed.get(0).metadataFileLocation()));
    assertThat(catalog.rememberedCommit(uuidOf(T), "key-0")).isEmpty();
    assertThat(catalog.rememberedCommit(uuidOf(T), "key-1"))
        .map(KeyedCommit::metadataLocation)
        .contains(committed.get(1).metadataFileLocation());
  }

  private String uuidOf(TableIdentifier ident) {
    return catalog.tableUuid(ident).orElseThrow();
  }

  private static List<MetadataUpdate> setProperty(String key, String value) {
    return List.of(new MetadataUpdate.SetProperties(Map.of(key, value)));
  }

  /** The key owner the REST layer plays in production: who claimed which key, what it kept. */
  private static final class KeyOwner {
    private final List<String> claims = new ArrayList<>();
    private final List<KeyedCommit> remembered = new ArrayList<>();
    private final Map<String, Boolean> refused = new HashMap<>();

    void refuse(String key) {
      refused.put(key, true);
    }

    CommitKey key(String key) {
      return keyFor(key, "request " + key);
    }

    CommitKey keyFor(String key, String fingerprint) {
      return new CommitKey() {
        @Override
        public String key() {
          return key;
        }

        @Override
        public String fingerprint() {
          return fingerprint;
        }

        @Override
        public boolean claim(String tableUuid) {
          synchronized (KeyOwner.this) {
            if (refused.containsKey(key)) {
              return false;
            }
            claims.add(key);
            return true;
          }
        }

        @Override
        public void remember(String tableUuid, KeyedCommit forgotten) {
          synchronized (KeyOwner.this) {
            remembered.add(forgotten);
          }
        }
      };
    }
  }
}
