package dev.floe.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.apache.iceberg.IcebergBuild;
import picocli.CommandLine.IVersionProvider;

/** {@code floe --version}: Floe's version and the Iceberg and Java it runs with. */
final class FloeVersion implements IVersionProvider {
  private static final String POM_PROPERTIES =
      "/META-INF/maven/dev.floe/floe-server/pom.properties";

  @Override
  public String[] getVersion() {
    return new String[] {
      "floe " + floeVersion(),
      "Iceberg "
          + IcebergBuild.version()
          + ", Java "
          + Runtime.version()
          + " ("
          + System.getProperty("java.vendor")
          + ")"
    };
  }

  private static String floeVersion() {
    // Maven writes pom.properties into the jar; classes run from a build tree have none.
    try (InputStream in = FloeVersion.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "(unknown version)");
      }
    } catch (IOException e) {
      return "(unknown version)";
    }
    String manifestVersion = FloeVersion.class.getPackage().getImplementationVersion();
    return manifestVersion != null ? manifestVersion : "(development build)";
  }
}
