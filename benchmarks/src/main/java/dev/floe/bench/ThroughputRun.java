package dev.floe.bench;

/** Acknowledged writes per second over one timed run, and the audit of what they left. */
record ThroughputRun(double perSecond, CommitAudit audit) {
  static ThroughputRun of(int acknowledged, long elapsedNanos, CommitAudit audit) {
    return new ThroughputRun(acknowledged / (elapsedNanos / 1e9), audit);
  }
}
