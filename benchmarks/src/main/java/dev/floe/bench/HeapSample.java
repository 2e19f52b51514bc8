package dev.floe.bench;

/** One reading of a JVM's heap: all of it in use, and the part in the old generation. */
record HeapSample(long usedBytes, long oldGenerationBytes) {}
