package dev.floe.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The aliases in {@code <config dir>/config.json}, laid out like {@code mc}'s file:
 *
 * <pre>
 * {"version": "1",
 *  "aliases": {"local": {"url": "...", "accessKey": "...", "secretKey": "...", "region": "..."}}}
 * </pre>
 *
 * The file holds secrets, so it is only ever written with mode 600 (its directory 700), and it is
 * replaced atomically so that a crash never leaves half a file.
 */
public final class AliasStore {
  public static final String FILE_NAME = "config.json";

  private static final String VERSION = "1";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Path file;

  private AliasStore(Path file) {
    this.file = file;
  }

  public static AliasStore in(Path directory) {
    return new AliasStore(directory.resolve(FILE_NAME));
  }

  public Path file() {
    return file;
  }

  /** All aliases, sorted by name. */
  public List<Alias> list() {
    List<Alias> aliases = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : read().path("aliases").properties()) {
      aliases.add(toAlias(entry.getKey(), entry.getValue()));
    }
    aliases.sort(Comparator.comparing(Alias::name));
    return aliases;
  }

  public Optional<Alias> find(String name) {
    JsonNode entry = read().path("aliases").get(name);
    return entry == null ? Optional.empty() : Optional.of(toAlias(name, entry));
  }

  /** The alias called {@code name}, or a failure telling the user how to add it. */
  public Alias require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new CliException(
                    "unknown alias '"
                        + name
                        + "': add it with 'floe alias set "
                        + name
                        + " URL ACCESS_KEY SECRET_KEY'"));
  }

  /** Adds the alias, or replaces the one with the same name. */
  public void put(Alias alias) {
    ObjectNode root = read();
    ObjectNode entry = JSON.createObjectNode();
    entry.put("url", alias.url().toString());
    entry.put("accessKey", alias.accessKey());
    entry.put("secretKey", alias.secretKey());
    entry.put("region", alias.region());
    root.withObjectProperty("aliases").set(alias.name(), entry);
    write(root);
  }

  /** Removes the alias; false when there was none by that name. */
  public boolean remove(String name) {
    ObjectNode root = read();
    JsonNode aliases = root.path("aliases");
    if (!aliases.has(name)) {
      return false;
    }
    ((ObjectNode) aliases).remove(name);
    write(root);
    return true;
  }

  private ObjectNode read() {
    if (!Files.exists(file)) {
      ObjectNode empty = JSON.createObjectNode();
      empty.put("version", VERSION);
      empty.putObject("aliases");
      return empty;
    }
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new CliException(
          "cannot read " + file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (!(root instanceof ObjectNode object) || !root.path("aliases").isObject()) {
      throw new CliException("cannot read " + file + ": expected an object with \"aliases\"");
    }
    return object;
  }

  private Alias toAlias(String name, JsonNode entry) {
    try {
      return new Alias(
          name,
          URI.create(entry.path("url").asText()),
          entry.path("accessKey").asText(null),
          entry.path("secretKey").asText(null),
          entry.path("region").asText(null));
    } catch (IllegalArgumentException e) {
      throw new CliException(
          "alias '" + name + "' in " + file + " is unusable: " + e.getMessage(), e);
    }
  }

  private void write(ObjectNode root) {
    root.put("version", VERSION);
    Path directory = file.toAbsolutePath().getParent();
    try {
      if (!Files.isDirectory(directory)) {
        Files.createDirectories(directory, ownerOnly("rwx------"));
      }
      Path temporary = Files.createTempFile(directory, FILE_NAME, ".tmp", ownerOnly("rw-------"));
      try {
        Files.writeString(temporary, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        moveIntoPlace(temporary);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new CliException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private void moveIntoPlace(Path temporary) throws IOException {
    try {
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static FileAttribute<?>[] ownerOnly(String permissions) {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        }
        : new FileAttribute<?>[0];
  }
}
