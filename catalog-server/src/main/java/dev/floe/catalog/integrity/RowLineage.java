package dev.floe.catalog.integrity;

import java.util.Comparator;
import java.util.List;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.exceptions.ValidationException;

/**
 * Row-lineage rules of format v3 for one new snapshot: it has a {@code first-row-id} and an
 * {@code added-rows} count, every data manifest carries a {@code first_row_id}, and the manifests
 * that got their row ids in this snapshot fit, without overlapping, into {@code [first-row-id,
 * first-row-id + added-rows)}. Otherwise the table's {@code next-row-id} would not advance past
 * the rows added, and two rows could share an id. (That a snapshot's {@code first-row-id} is not
 * below the table's {@code next-row-id} Iceberg's metadata builder checks already.)
 */
final class RowLineage {

  private RowLineage() {}

  static void validate(Snapshot snapshot, List<ManifestFile> manifests) {
    Long first = snapshot.firstRowId();
    Long added = snapshot.addedRows();
    if (first == null || added == null) {
      throw new ValidationException(
          "Cannot commit snapshot %s: a v3 snapshot needs first-row-id and added-rows",
          snapshot.snapshotId());
    }
    long end = first + added;
    long next = first;
    List<ManifestFile> assigned =
        manifests.stream()
            .filter(manifest -> manifest.content() == ManifestContent.DATA)
            .peek(manifest -> requireRowId(snapshot, manifest))
            .filter(manifest -> manifest.firstRowId() >= first)
            .sorted(Comparator.comparing(ManifestFile::firstRowId))
            .toList();
    for (ManifestFile manifest : assigned) {
      long start = manifest.firstRowId();
      long rows = count(manifest.addedRowsCount()) + count(manifest.existingRowsCount());
      if (rows == 0) {
        // A manifest without live rows is given the next id but consumes none.
        continue;
      }
      if (start < next || start + rows > end) {
        throw new ValidationException(
            "Cannot commit snapshot %s: manifest %s has row ids [%s, %s), outside the snapshot's"
                + " [first-row-id %s, first-row-id + added-rows %s) or overlapping another"
                + " manifest's",
            snapshot.snapshotId(), manifest.path(), start, start + rows, first, end);
      }
      next = start + rows;
    }
  }

  private static void requireRowId(Snapshot snapshot, ManifestFile manifest) {
    if (manifest.firstRowId() == null) {
      throw new ValidationException(
          "Cannot commit snapshot %s: data manifest %s has no first_row_id",
          snapshot.snapshotId(), manifest.path());
    }
  }

  private static long count(Long rows) {
    return rows == null ? 0 : rows;
  }
}
