package dev.floe.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one Floe for Iceberg's REST Compatibility Kit, which reads its client settings from
 * system properties. Active only in the surefire execution that sets {@code floe.rck=true}
 * (see server/pom.xml, where every kit toggle is explained).
 */
public final class CompatibilityKitServer implements LauncherSessionListener {
  static final String WAREHOUSE = "rck-warehouse";

  private FloeTestServer floe;
  private Path dataDir;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!Boolean.getBoolean("floe.rck")) {
      return;
    }
    try {
      dataDir = Files.createTempDirectory("floe-rck");
      floe = FloeTestServer.start(dataDir);
      floe.createWarehouse(WAREHOUSE);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start Floe for the REST Compatibility Kit", e);
    }
    for (Map.Entry<String, String> property : floe.clientProperties(WAREHOUSE).entrySet()) {
      System.setProperty(property.getKey(), property.getValue());
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (floe == null) {
      return;
    }
    try {
      floe.close();
      try (Stream<Path> paths = Files.walk(dataDir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot stop Floe after the REST Compatibility Kit", e);
    }
  }
}
