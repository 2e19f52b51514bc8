package dev.floe.integrity;

import java.util.Optional;

/** One rule of the integrity guard, judging accesses to system and warehouse buckets. */
public interface GuardRule {

  /** The rule's name as it appears in refusals and in the refusal metric. */
  String name();

  /**
   * A refusal if the rule forbids the access, else empty.
   *
   * @param role the bucket's role, never {@link BucketRole#ORDINARY}
   */
  Optional<GuardRefusal> evaluate(GuardedAccess access, BucketRole role, TableLocationIndex tables);

  default Optional<GuardRefusal> refuse(String explanation) {
    return Optional.of(GuardRefusal.of(name(), explanation));
  }
}
