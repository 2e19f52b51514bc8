package dev.floe.catalog.warehouse;

import dev.floe.catalog.store.ObjectStore;
import dev.floe.catalog.store.PreconditionFailedException;
import dev.floe.catalog.store.StoreUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.TableMetadataParser.Codec;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.view.ViewMetadata;
import org.apache.iceberg.view.ViewMetadataParser;
import org.apache.iceberg.view.ViewProperties;

/**
 * Table and view metadata files, written straight to the store with {@code If-None-Match: *} and
 * read through a cache: a metadata file never changes once written, so loading a table costs only
 * the small pointer reads.
 */
final class MetadataFiles {
  private static final int CACHE_ENTRIES = 512;
  private static final int WRITTEN_JSON_ENTRIES = 16;

  private final ObjectStore store;
  private final BoundedCache<String, TableMetadata> tables = new BoundedCache<>(CACHE_ENTRIES);
  private final BoundedCache<String, ViewMetadata> views = new BoundedCache<>(CACHE_ENTRIES);
  /** The JSON of the last files written, which the commit's answer carries again. */
  private final BoundedCache<String, String> writtenJson = new BoundedCache<>(WRITTEN_JSON_ENTRIES);

  MetadataFiles(ObjectStore store) {
    this.store = store;
  }

  TableMetadata readTable(String location) {
    return tables
        .get(location)
        .orElseGet(
            () -> {
              TableMetadata metadata = TableMetadataParser.fromJson(location, readJson(location));
              tables.put(location, metadata);
              return metadata;
            });
  }

  ViewMetadata readView(String location) {
    return views
        .get(location)
        .orElseGet(
            () -> {
              ViewMetadata metadata = ViewMetadataParser.fromJson(location, readJson(location));
              views.put(location, metadata);
              return metadata;
            });
  }

  /**
   * Writes {@code metadata} as version {@code version} under its location and returns it as readers
   * will see it, bound to the new file ({@link TableMetadata#metadataFileLocation()}).
   */
  TableMetadata writeTable(TableMetadata metadata, long version) {
    return writeTable(metadata, newTableLocation(metadata, version));
  }

  /**
   * Writes {@code metadata} at {@code location}, a fresh name from {@link #newTableLocation}. What
   * readers will see is built from the metadata itself rather than parsed back from the file: the
   * same content, bound to the file and without the pending changes the file does not store.
   */
  TableMetadata writeTable(TableMetadata metadata, String location) {
    String json = TableMetadataParser.toJson(metadata);
    write(location, json, Codec.fromFileName(location));
    TableMetadata written =
        TableMetadata.buildFrom(metadata).discardChanges().withMetadataLocation(location).build();
    tables.put(location, written);
    writtenJson.put(location, json);
    return written;
  }

  /** The JSON of a table metadata file this instance wrote lately, as written. */
  Optional<String> writtenJson(String location) {
    return writtenJson.get(location);
  }

  /** A new, unique name for version {@code version} of the table's metadata. */
  String newTableLocation(TableMetadata metadata, long version) {
    Codec codec =
        Codec.fromName(
            metadata.property(
                TableProperties.METADATA_COMPRESSION,
                TableProperties.METADATA_COMPRESSION_DEFAULT));
    return newLocation(metadata.location(), version, codec);
  }

  ViewMetadata writeView(ViewMetadata metadata, long version) {
    Codec codec =
        Codec.fromName(
            metadata
                .properties()
                .getOrDefault(
                    ViewProperties.METADATA_COMPRESSION,
                    ViewProperties.METADATA_COMPRESSION_DEFAULT));
    String location = newLocation(metadata.location(), version, codec);
    String json = ViewMetadataParser.toJson(metadata);
    write(location, json, codec);
    ViewMetadata written = ViewMetadataParser.fromJson(location, json);
    views.put(location, written);
    return written;
  }

  void delete(String location) {
    S3Location file = S3Location.parse(location);
    store.delete(file.bucket(), file.key());
  }

  private static String newLocation(String base, long version, Codec codec) {
    String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return String.format(
        Locale.ROOT,
        "%s/metadata/%05d-%s%s",
        root,
        version,
        UUID.randomUUID(),
        TableMetadataParser.getFileExtension(codec));
  }

  private void write(String location, String json, Codec codec) {
    S3Location file = S3Location.parse(location);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    try {
      store.putIfAbsent(file.bucket(), file.key(), codec == Codec.GZIP ? gzip(bytes) : bytes);
    } catch (PreconditionFailedException e) {
      throw new StoreUnavailableException(
          "A metadata file with a fresh random name already exists: " + location, e);
    }
  }

  private String readJson(String location) {
    S3Location file = S3Location.parse(location);
    byte[] bytes =
        store
            .get(file.bucket(), file.key())
            .orElseThrow(
                () -> new NotFoundException("Failed to open input stream for file: %s", location))
            .body();
    if (Codec.fromFileName(location) == Codec.GZIP) {
      bytes = gunzip(bytes);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] bytes) {
    try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return gzip.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An {@code s3://bucket/key} location in the backing store. */
  record S3Location(String bucket, String key) {
    static S3Location parse(String location) {
      if (location == null || !location.startsWith("s3://")) {
        throw new BadRequestException(
            "Unsupported location %s: Floe keeps table files in its object store (s3://)",
            location);
      }
      String path = location.substring("s3://".length());
      int slash = path.indexOf('/');
      if (slash <= 0 || slash == path.length() - 1) {
        throw new BadRequestException(
            "Invalid location %s: expected s3://<bucket>/<key>", location);
      }
      return new S3Location(path.substring(0, slash), path.substring(slash + 1));
    }
  }
}
