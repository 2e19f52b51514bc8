package dev.floe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommitAuditTest {

  @Test
  void everyAcknowledgedWritePresentOnceIsClean() {
    CommitAudit audit = CommitAudit.of(Set.of("a", "b"), 0, Set.of("a", "b"), 2, List.of());

    assertThat(audit.nothingLostOrDuplicated()).isTrue();
    assertThat(audit.acknowledged()).isEqualTo(2);
  }

  @Test
  void anAcknowledgedWriteMissingFromTheTableIsLost() {
    CommitAudit audit = CommitAudit.of(Set.of("a", "b"), 0, Set.of("a"), 1, List.of());

    assertThat(audit.lost()).isEqualTo(1);
    assertThat(audit.nothingLostOrDuplicated()).isFalse();
  }

  @Test
  void aWriteThatLandedTwiceIsDuplicated() {
    CommitAudit audit = CommitAudit.of(Set.of("a", "b"), 0, Set.of("a", "b"), 3, List.of());

    assertThat(audit.duplicated()).isEqualTo(1);
    assertThat(audit.nothingLostOrDuplicated()).isFalse();
  }

  @Test
  void aFailedWriteThatLandedAnywayIsNeitherLostNorDuplicated() {
    CommitAudit audit = CommitAudit.of(Set.of("a"), 1, Set.of("a", "b"), 2, List.of("CommitStateUnknownException: 503"));

    assertThat(audit.appliedWithoutAcknowledgement()).isEqualTo(1);
    assertThat(audit.nothingLostOrDuplicated()).isTrue();
  }

  @Test
  void auditsAddUpAndKeepAFewDistinctErrors() {
    CommitAudit first = CommitAudit.of(Set.of("a"), 2, Set.of("a"), 1, List.of("e1", "e1", "e2"));
    CommitAudit second = CommitAudit.of(Set.of("b"), 3, Set.of(), 0, List.of("e3", "e4"));

    CommitAudit sum = first.plus(second);

    assertThat(sum.acknowledged()).isEqualTo(2);
    assertThat(sum.failed()).isEqualTo(5);
    assertThat(sum.lost()).isEqualTo(1);
    assertThat(sum.errors()).containsExactly("e1", "e2", "e3");
  }
}
