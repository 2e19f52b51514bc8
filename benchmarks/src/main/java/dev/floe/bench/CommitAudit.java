package dev.floe.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a run of writes left behind, checked against what the clients were told: every
 * acknowledged write must be present exactly once. {@code failed} writes were refused to the
 * client (a visible error, not a loss); one of them being present anyway is counted as
 * {@code appliedWithoutAcknowledgement}.
 *
 * @param errors a few distinct client-side error messages, to say why writes failed
 */
record CommitAudit(
    int acknowledged, int failed, int lost, int duplicated, int appliedWithoutAcknowledgement, List<String> errors) {
  private static final int ERRORS_KEPT = 3;

  static final CommitAudit NONE = new CommitAudit(0, 0, 0, 0, 0, List.of());

  /**
   * @param appliedWrites how many writes the table shows (a write that landed twice counts twice)
   */
  static CommitAudit of(
      Set<String> acknowledged, int failed, Set<String> present, int appliedWrites, Collection<String> errors) {
    int lost = (int) acknowledged.stream().filter(marker -> !present.contains(marker)).count();
    int unacknowledged = (int) present.stream().filter(marker -> !acknowledged.contains(marker)).count();
    return new CommitAudit(
        acknowledged.size(), failed, lost, appliedWrites - present.size(), unacknowledged, firstDistinct(errors));
  }

  CommitAudit plus(CommitAudit other) {
    List<String> both = new ArrayList<>(errors);
    both.addAll(other.errors);
    return new CommitAudit(
        acknowledged + other.acknowledged,
        failed + other.failed,
        lost + other.lost,
        duplicated + other.duplicated,
        appliedWithoutAcknowledgement + other.appliedWithoutAcknowledgement,
        firstDistinct(both));
  }

  boolean nothingLostOrDuplicated() {
    return lost == 0 && duplicated == 0;
  }

  private static List<String> firstDistinct(Collection<String> errors) {
    return errors.stream().distinct().limit(ERRORS_KEPT).toList();
  }
}
