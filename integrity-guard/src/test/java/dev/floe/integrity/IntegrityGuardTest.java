package dev.floe.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntegrityGuardTest {
  private static final String TABLE = "5f0c3a52-8f43-4a4e-9a57-0d3f3c5a8e11";

  /** One warehouse "wh" holding one table; "assets" is an ordinary bucket. */
  private final TableLocationIndex tables =
      new TableLocationIndex() {
        @Override
        public boolean isWarehouse(String bucket) {
          return bucket.equals("wh");
        }

        @Override
        public Optional<String> owningTable(String bucket, String key) {
          Map<String, Set<String>> known = Map.of("wh", Set.of(TABLE));
          String first = key.contains("/") ? key.substring(0, key.indexOf('/')) : "";
          return known.getOrDefault(bucket, Set.of()).contains(first)
              ? Optional.of(first)
              : Optional.empty();
        }
      };

  private final IntegrityGuard guard = new IntegrityGuard("floe-system", tables);

  private Optional<String> refusingRule(AccessKind kind, String bucket, String key) {
    return guard.check(new GuardedAccess(kind, bucket, key)).map(GuardRefusal::rule);
  }

  @Test
  void ordinaryBucketsKeepFullS3Semantics() {
    for (AccessKind kind : AccessKind.values()) {
      assertThat(refusingRule(kind, "assets", "a/../.floe/x.metadata.json")).isEmpty();
    }
    assertThat(guard.createOnly(new GuardedAccess(AccessKind.CREATE_OBJECT, "assets", "k")))
        .isFalse();
  }

  @Test
  void theSystemBucketIsClosedToEveryAccess() {
    for (AccessKind kind : AccessKind.values()) {
      assertThat(refusingRule(kind, "floe-system", "warehouses/wh.json"))
          .contains("system-bucket");
    }
  }

  @Test
  void tableFilesMayBeReadAndCreatedButNeverDeletedOrModified() {
    String data = TABLE + "/data/00000-0-a.parquet";
    assertThat(refusingRule(AccessKind.READ_OBJECT, "wh", data)).isEmpty();
    assertThat(refusingRule(AccessKind.CREATE_OBJECT, "wh", data)).isEmpty();
    assertThat(refusingRule(AccessKind.ABORT_UPLOAD, "wh", data)).isEmpty();
    assertThat(refusingRule(AccessKind.DELETE_OBJECT, "wh", data)).contains("no-deletion");
    assertThat(refusingRule(AccessKind.MODIFY_OBJECT, "wh", data)).contains("immutable-files");
    assertThat(guard.createOnly(new GuardedAccess(AccessKind.CREATE_OBJECT, "wh", data))).isTrue();
  }

  @Test
  void deletionRefusalsNameTheCatalogSideAlternatives() {
    GuardRefusal refusal =
        guard.check(new GuardedAccess(AccessKind.DELETE_OBJECT, "wh", TABLE + "/data/f")).orElseThrow();
    assertThat(refusal.message())
        .contains("rule no-deletion")
        .contains("purge")
        .contains("expired snapshots")
        .contains("unreferenced");
  }

  @Test
  void metadataFilesAreWrittenOnlyByTheCatalog() {
    assertThat(refusingRule(AccessKind.CREATE_OBJECT, "wh", TABLE + "/metadata/v9.metadata.json"))
        .contains("metadata-files");
    assertThat(refusingRule(AccessKind.CREATE_OBJECT, "wh", TABLE + "/metadata/version-hint.text"))
        .contains("metadata-files");
    assertThat(refusingRule(AccessKind.READ_OBJECT, "wh", TABLE + "/metadata/v9.metadata.json"))
        .isEmpty();
  }

  @Test
  void catalogStateIsNeitherReadNorWritten() {
    assertThat(refusingRule(AccessKind.READ_OBJECT, "wh", ".floe/entities/x.json"))
        .contains("catalog-state");
    assertThat(refusingRule(AccessKind.CREATE_OBJECT, "wh", ".floe/entities/x.json"))
        .contains("catalog-state");
  }

  @Test
  void writesOutsideEveryTableLocationAreRefused() {
    assertThat(refusingRule(AccessKind.CREATE_OBJECT, "wh", "stray.csv")).contains("table-location");
    assertThat(refusingRule(AccessKind.CREATE_OBJECT, "wh", "0000-unknown/data/f.parquet"))
        .contains("table-location");
  }

  @Test
  void dotSegmentsAndBackslashesCannotReachAProtectedKeyUnderAnotherName() {
    assertThat(refusingRule(AccessKind.READ_OBJECT, "wh", TABLE + "/../.floe/entities/x.json"))
        .contains("key-shape");
    assertThat(refusingRule(AccessKind.CREATE_OBJECT, "wh", TABLE + "/./data/f")).contains("key-shape");
    assertThat(refusingRule(AccessKind.CREATE_OBJECT, "wh", TABLE + "//data/f")).contains("key-shape");
    assertThat(refusingRule(AccessKind.READ_OBJECT, "wh", "/.floe/warehouse.json")).contains("key-shape");
    assertThat(refusingRule(AccessKind.CREATE_OBJECT, "wh", TABLE + "\\..\\x")).contains("key-shape");
  }

  @Test
  void warehouseBucketsCannotBeDeletedOrReconfigured() {
    assertThat(refusingRule(AccessKind.DELETE_BUCKET, "wh", "")).contains("bucket-configuration");
    assertThat(refusingRule(AccessKind.CONFIGURE_BUCKET, "wh", "")).contains("bucket-configuration");
    assertThat(refusingRule(AccessKind.READ_BUCKET, "wh", "")).isEmpty();
  }

  @Test
  void anUnreadableCatalogIsNeverTakenAsPermission() {
    IntegrityGuard blind =
        new IntegrityGuard(
            "floe-system",
            new TableLocationIndex() {
              @Override
              public boolean isWarehouse(String bucket) {
                throw new TableLocationsUnavailableException("store down", null);
              }

              @Override
              public Optional<String> owningTable(String bucket, String key) {
                throw new TableLocationsUnavailableException("store down", null);
              }
            });
    assertThatThrownBy(
            () -> blind.check(new GuardedAccess(AccessKind.DELETE_OBJECT, "wh", TABLE + "/data/f")))
        .isInstanceOf(TableLocationsUnavailableException.class);
  }
}
