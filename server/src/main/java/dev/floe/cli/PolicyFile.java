package dev.floe.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a policy document given on the command line; the server validates it. */
final class PolicyFile {
  private PolicyFile() {}

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException("no such policy file: " + file);
    } catch (IOException e) {
      throw new CliException("cannot read policy file " + file + ": " + e.getMessage(), e);
    }
  }
}
