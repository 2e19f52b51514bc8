package dev.floe.s3;

import java.util.Optional;

/** An object a request names in its body rather than its path (the keys of a DeleteObjects). */
public record BodyObject(String key, Optional<String> versionId) {}
