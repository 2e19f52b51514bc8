package dev.floe.catalog.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.iceberg.ContentFile;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.util.ContentFileUtil;
import org.apache.iceberg.util.PropertyUtil;
import org.apache.iceberg.util.Tasks;
import org.apache.iceberg.util.ThreadPools;

/**
 * The invariants the catalog enforces on every table commit (DESIGN §3), whichever client sent
 * it. A commit that breaks one is refused with a {@link ValidationException} (400) before the
 * table's pointer moves, so the table stays as readable as it was.
 *
 * <p>Only what the commit adds is inspected: the manifest list of each new snapshot, the manifests
 * that snapshot wrote, and — only when it adds deletion vectors — the snapshot's delete manifests.
 * The cost therefore scales with the commit, not with the table: for an append of one manifest, two
 * GETs, each file read whole once ({@link WholeFileReads}). Manifests are read in parallel on
 * Iceberg's shared worker pool; reading one proves it exists.
 */
public final class CommitValidator {
  /**
   * Table property that lets a table reference data and delete files outside its location, as
   * tables built by Iceberg's add_files or snapshot procedures do. Manifests and manifest lists
   * must stay inside the location regardless, and the integrity guard still protects only files
   * under it.
   */
  public static final String ALLOW_EXTERNAL_DATA_FILES = "floe.allow-external-data-files";

  private final Supplier<FileIO> io;

  public CommitValidator(Supplier<FileIO> io) {
    this.io = io;
  }

  /**
   * Checks the snapshots {@code metadata} adds to the table it was built from (its {@link
   * TableMetadata#changes()}).
   */
  public void validate(TableMetadata metadata) {
    List<Snapshot> added =
        metadata.changes().stream()
            .filter(MetadataUpdate.AddSnapshot.class::isInstance)
            .map(update -> ((MetadataUpdate.AddSnapshot) update).snapshot())
            .toList();
    if (added.isEmpty()) {
      return;
    }
    TableFiles files = new TableFiles(metadata.location());
    for (Snapshot snapshot : added) {
      validate(metadata, snapshot, files);
    }
  }

  private void validate(TableMetadata metadata, Snapshot snapshot, TableFiles files) {
    FileIO fileIO = new WholeFileReads(io.get());
    String manifestList = snapshot.manifestListLocation();
    if (manifestList != null) {
      files.require(manifestList, "manifest list");
    }
    List<ManifestFile> manifests = manifests(snapshot, fileIO);
    List<ManifestFile> written =
        manifests.stream().filter(manifest -> writtenBy(snapshot, manifest)).toList();
    written.forEach(manifest -> files.require(manifest.path(), "manifest"));
    if (metadata.formatVersion() >= 3) {
      RowLineage.validate(snapshot, manifests);
    }

    Map<Integer, PartitionSpec> specs = metadata.specsById();
    boolean externalContent =
        PropertyUtil.propertyAsBoolean(metadata.properties(), ALLOW_EXTERNAL_DATA_FILES, false);
    Set<String> dvTargets = ConcurrentHashMap.newKeySet();
    forEachInParallel(
        written,
        manifest -> {
          if (manifest.content() == ManifestContent.DATA) {
            readData(manifest, fileIO, specs, file -> {
              if (addedBy(snapshot, file) && !externalContent) {
                files.require(file.location(), "data file");
              }
            });
          } else {
            readDeletes(manifest, fileIO, specs, file -> {
              if (addedBy(snapshot, file)) {
                checkDeleteFile(metadata.formatVersion(), file, externalContent ? null : files);
                if (ContentFileUtil.isDV(file)) {
                  dvTargets.add(file.referencedDataFile());
                }
              }
            });
          }
        });
    if (!dvTargets.isEmpty()) {
      requireOneLiveDvPerDataFile(snapshot, manifests, fileIO, specs, dvTargets);
    }
  }

  /** {@code files} is null when the table allows external data and delete files. */
  private static void checkDeleteFile(int formatVersion, DeleteFile file, TableFiles files) {
    if (files != null) {
      files.require(file.location(), "delete file");
    }
    boolean dv = file.format() == FileFormat.PUFFIN;
    if (formatVersion >= 3 && file.content() == FileContent.POSITION_DELETES && !dv) {
      throw new ValidationException(
          "Cannot commit: %s is a position-delete file (%s); a format v%s table takes deletion"
              + " vectors only",
          file.location(), file.format(), formatVersion);
    }
    if (formatVersion < 3 && dv) {
      throw new ValidationException(
          "Cannot commit: %s is a deletion vector; a format v%s table cannot hold one",
          file.location(), formatVersion);
    }
  }

  /**
   * Counts the live deletion vectors of the data files the commit gave a new one: more than one
   * makes the table unreadable (Iceberg's writers do not prevent it).
   */
  private void requireOneLiveDvPerDataFile(
      Snapshot snapshot,
      List<ManifestFile> manifests,
      FileIO fileIO,
      Map<Integer, PartitionSpec> specs,
      Set<String> dvTargets) {
    Map<String, AtomicInteger> live = new ConcurrentHashMap<>();
    List<ManifestFile> deleteManifests =
        manifests.stream().filter(m -> m.content() == ManifestContent.DELETES).toList();
    forEachInParallel(
        deleteManifests,
        manifest ->
            readDeletes(manifest, fileIO, specs, file -> {
              if (ContentFileUtil.isDV(file) && dvTargets.contains(file.referencedDataFile())) {
                live.computeIfAbsent(file.referencedDataFile(), k -> new AtomicInteger())
                    .incrementAndGet();
              }
            }));
    live.entrySet().stream()
        .filter(entry -> entry.getValue().get() > 1)
        .min(Map.Entry.comparingByKey())
        .ifPresent(
            entry -> {
              throw new ValidationException(
                  "Cannot commit snapshot %s: data file %s would have %s live deletion vectors;"
                      + " merge the new deletes into its existing deletion vector and remove the"
                      + " old one in the same commit",
                  snapshot.snapshotId(), entry.getKey(), entry.getValue().get());
            });
  }

  /**
   * The snapshot's manifests, from its manifest list. A missing file is refused at once: the file
   * IO retries only transport failures, never a 404.
   */
  private static List<ManifestFile> manifests(Snapshot snapshot, FileIO fileIO) {
    try {
      return snapshot.allManifests(fileIO);
    } catch (NotFoundException e) {
      throw new ValidationException(
          "Cannot commit snapshot %s: its manifest list %s does not exist",
          snapshot.snapshotId(), snapshot.manifestListLocation());
    }
  }

  /** A manifest without a snapshot id comes from a v1 writer: treat it as new. */
  private static boolean writtenBy(Snapshot snapshot, ManifestFile manifest) {
    return manifest.snapshotId() == null || manifest.snapshotId() == snapshot.snapshotId();
  }

  /** Entries added by this snapshot inherit its sequence number. */
  private static boolean addedBy(Snapshot snapshot, ContentFile<?> file) {
    Long sequence = file.fileSequenceNumber();
    return sequence == null || sequence == snapshot.sequenceNumber();
  }

  private static void readData(
      ManifestFile manifest, FileIO fileIO, Map<Integer, PartitionSpec> specs,
      Consumer<DataFile> action) {
    try (CloseableIterable<DataFile> files = ManifestFiles.read(manifest, fileIO, specs)) {
      files.forEach(action);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NotFoundException e) {
      throw missingManifest(manifest);
    }
  }

  private static void readDeletes(
      ManifestFile manifest, FileIO fileIO, Map<Integer, PartitionSpec> specs,
      Consumer<DeleteFile> action) {
    try (CloseableIterable<DeleteFile> files =
        ManifestFiles.readDeleteManifest(manifest, fileIO, specs)) {
      files.forEach(action);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NotFoundException e) {
      throw missingManifest(manifest);
    }
  }

  private static ValidationException missingManifest(ManifestFile manifest) {
    return new ValidationException(
        "Cannot commit: manifest %s does not exist", manifest.path());
  }

  private static <T> void forEachInParallel(List<T> items, Consumer<T> action) {
    if (items.size() == 1) {
      action.accept(items.get(0));
      return;
    }
    List<RuntimeException> failures = new ArrayList<>();
    Tasks.foreach(items)
        .executeWith(ThreadPools.getWorkerPool())
        .stopOnFailure()
        .onFailure((item, failure) -> {
          synchronized (failures) {
            failures.add(
                failure instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException(failure));
          }
        })
        .suppressFailureWhenFinished()
        .run(action::accept);
    failures.stream()
        .min(Comparator.comparing(failure -> failure instanceof ValidationException ? 0 : 1))
        .ifPresent(failure -> {
          throw failure;
        });
  }
}
