package dev.floe.catalog.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import dev.floe.catalog.integrity.CommitValidator;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.CatalogTests;
import org.apache.iceberg.exceptions.NotFoundException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Iceberg's own catalog specification, run against a FloeCatalog on a real S3 store. */
class FloeCatalogSpecTest extends CatalogTests<FloeCatalog> {
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
    this.catalog =
        initCatalog(
            "floe",
            Map.of(
                CatalogProperties.TABLE_DEFAULT_PREFIX + "default-key1", "catalog-default-key1",
                CatalogProperties.TABLE_DEFAULT_PREFIX + "default-key2", "catalog-default-key2",
                CatalogProperties.TABLE_DEFAULT_PREFIX + "override-key3", "catalog-default-key3",
                CatalogProperties.TABLE_OVERRIDE_PREFIX + "override-key3", "catalog-override-key3",
                CatalogProperties.TABLE_OVERRIDE_PREFIX + "override-key4",
                    "catalog-override-key4"));
  }

  @AfterEach
  void closeCatalogs() {
    fixture.closeCatalogs();
  }

  @Override
  protected FloeCatalog catalog() {
    return catalog;
  }

  /**
   * Iceberg's specification commits placeholder data files such as {@code /path/to/data-a.parquet}
   * that lie outside every table location; its tables opt in to external data files, which Floe
   * otherwise refuses at commit (the invariant itself is covered by CommitInvariantsTest).
   */
  @Override
  protected FloeCatalog initCatalog(String catalogName, Map<String, String> additionalProperties) {
    Map<String, String> properties = new java.util.HashMap<>(additionalProperties);
    properties.put(
        CatalogProperties.TABLE_DEFAULT_PREFIX + CommitValidator.ALLOW_EXTERNAL_DATA_FILES, "true");
    FloeCatalog created = fixture.catalog(fixture.newBucket(), properties);
    created.initialize(catalogName, properties);
    return created;
  }

  @Override
  protected boolean requiresNamespaceCreate() {
    return true;
  }

  @Override
  protected boolean supportsNestedNamespaces() {
    return true;
  }

  /** Floe refuses '/' in names: names become object keys (DESIGN §3, name rules). */
  @Override
  protected boolean supportsNamesWithSlashes() {
    return false;
  }

  /** Floe assigns every table its location, {@code s3://<warehouse>/<uuid>}. */
  @Override
  protected boolean overridesRequestedLocation() {
    return true;
  }

  /**
   * The inherited version moves the metadata file on the local file system; Floe keeps metadata in
   * the object store, so the same specification is checked by deleting the object.
   */
  @Test
  @Override
  public void testLoadTableWithMissingMetadataFile(@TempDir Path tempDir) {
    catalog.createNamespace(TBL.namespace());
    catalog.buildTable(TBL, SCHEMA).create();
    Table table = catalog.loadTable(TBL);
    String location = ((HasTableOperations) table).operations().current().metadataFileLocation();
    URI uri = URI.create(location);
    byte[] saved =
        fixture.store().get(uri.getHost(), uri.getPath().substring(1)).orElseThrow().body();
    fixture.store().delete(uri.getHost(), uri.getPath().substring(1));
    FloeCatalog fresh = initCatalogOver(catalog);
    try {
      assertThatThrownBy(() -> fresh.loadTable(TBL))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("Failed to open input stream for file: " + location);
    } finally {
      fixture.store().put(uri.getHost(), uri.getPath().substring(1), saved);
    }
    assertThat(fresh.loadTable(TBL).schema().asStruct()).isEqualTo(table.schema().asStruct());
  }

  /** A second catalog over the same bucket, with a cold metadata cache. */
  private static FloeCatalog initCatalogOver(FloeCatalog existing) {
    return fixture.catalog(existing.bucket(), Map.of());
  }
}
