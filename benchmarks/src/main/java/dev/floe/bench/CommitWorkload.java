package dev.floe.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The two kinds of commit measured. Each write carries a unique marker (a property key, a data
 * file name) so the table itself can later say which writes landed and how often.
 */
enum CommitWorkload {
  /** One property set per commit: metadata only, no requirement but the table's identity. */
  PROPERTY_CHANGES("property commits") {
    @Override
    void commit(Table table, String marker) {
      table.updateProperties().set(PROPERTY_PREFIX + marker, "1").commit();
    }

    @Override
    Set<String> presentMarkers(Table table) {
      Set<String> markers = new HashSet<>();
      for (String key : table.properties().keySet()) {
        if (key.startsWith(PROPERTY_PREFIX)) {
          markers.add(key.substring(PROPERTY_PREFIX.length()));
        }
      }
      return markers;
    }

    @Override
    int appliedWrites(Table table) {
      // every commit leaves one entry in the metadata log (kept in full, see CommitThroughput)
      return ((HasTableOperations) table).operations().current().previousFiles().size();
    }
  },

  /**
   * One data file per commit through a fast append: the client writes a manifest and a manifest
   * list to the store, then commits a snapshot that requires the branch head it started from.
   */
  FAST_APPENDS("fast appends") {
    @Override
    void commit(Table table, String marker) {
      DataFile file =
          DataFiles.builder(table.spec())
              .withPath(table.location() + "/data/" + marker + DATA_FILE_SUFFIX)
              .withFormat(FileFormat.PARQUET)
              .withFileSizeInBytes(1024)
              .withRecordCount(1)
              .build();
      table.newFastAppend().appendFile(file).commit();
    }

    @Override
    Set<String> presentMarkers(Table table) {
      Set<String> markers = new HashSet<>();
      for (String location : liveDataFiles(table)) {
        markers.add(markerOf(location));
      }
      return markers;
    }

    @Override
    int appliedWrites(Table table) {
      return liveDataFiles(table).size();
    }
  };

  private static final String PROPERTY_PREFIX = "bench.";
  private static final String DATA_FILE_SUFFIX = ".parquet";

  private final String label;

  CommitWorkload(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  abstract void commit(Table table, String marker);

  abstract Set<String> presentMarkers(Table table);

  abstract int appliedWrites(Table table);

  private static List<String> liveDataFiles(Table table) {
    List<String> locations = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        locations.add(task.file().location());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return locations;
  }

  private static String markerOf(String location) {
    String name = location.substring(location.lastIndexOf('/') + 1);
    return name.substring(0, name.length() - DATA_FILE_SUFFIX.length());
  }
}
