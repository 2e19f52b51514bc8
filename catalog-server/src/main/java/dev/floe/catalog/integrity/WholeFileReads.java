package dev.floe.catalog.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.iceberg.exceptions.RuntimeIOException;
import org.apache.iceberg.inmemory.InMemoryInputFile;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;

/**
 * A {@link FileIO} that reads each file whole with one GET. Through the store's own file IO a
 * manifest list costs a HEAD for its length before the GET, and a manifest one GET for its header
 * and another for its entries; the validator reads each of them once, whole, anyway.
 */
final class WholeFileReads implements FileIO {
  private final FileIO store;

  WholeFileReads(FileIO store) {
    this.store = store;
  }

  @Override
  public InputFile newInputFile(String path) {
    try (InputStream in = store.newInputFile(path).newStream()) {
      return new InMemoryInputFile(path, in.readAllBytes());
    } catch (IOException e) {
      throw new RuntimeIOException(e, "Cannot read %s", path);
    }
  }

  @Override
  public OutputFile newOutputFile(String path) {
    return store.newOutputFile(path);
  }

  @Override
  public void deleteFile(String path) {
    store.deleteFile(path);
  }

  @Override
  public Map<String, String> properties() {
    return Map.of();
  }
}
