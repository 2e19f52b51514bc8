package dev.floe.bench;

import dev.floe.server.FloeConfig;
import dev.floe.server.FloeServer;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Floe contender's process: {@link FloeServer} on a loopback port, fronting the benchmark's
 * shared store as an external store. Arguments: port, store endpoint, data directory; keys come
 * from the environment so they never show in a process listing.
 */
public final class FloeServerMain {
  static final String ROOT_USER = "FLOE_BENCH_ROOT_USER";
  static final String ROOT_PASSWORD = "FLOE_BENCH_ROOT_PASSWORD";

  private FloeServerMain() {}

  /** Floe in its own JVM on {@code endpoint}'s port, fronting {@code store}, with these root keys. */
  static ServerProcess launchFronting(
      SharedStore store, URI endpoint, String rootUser, String rootPassword, Path workDir, Path log)
      throws Exception {
    Map<String, String> environment = new HashMap<>(store.keysForServerProcess());
    environment.put(ROOT_USER, rootUser);
    environment.put(ROOT_PASSWORD, rootPassword);
    return ServerProcess.launch(
        "Floe", FloeServerMain.class,
        List.of(String.valueOf(endpoint.getPort()), store.endpoint().toString(), workDir.resolve("floe-data").toString()),
        environment, log, endpoint.resolve("/_floe/health"));
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    URI storeEndpoint = URI.create(args[1]);
    Path dataDir = Path.of(args[2]);
    FloeConfig config =
        new FloeConfig(
            "127.0.0.1",
            port,
            dataDir,
            System.getenv(ROOT_USER),
            System.getenv(ROOT_PASSWORD),
            Optional.of(
                new FloeConfig.ExternalStore(
                    storeEndpoint,
                    SharedStore.REGION,
                    System.getenv(SharedStore.ACCESS_KEY_VARIABLE),
                    System.getenv(SharedStore.SECRET_KEY_VARIABLE))),
            "floe-system",
            Optional.empty(),
            Duration.ofMinutes(30),
            16L * 1024 * 1024,
            Optional.of(freshSecretKey()));
    FloeServer server = FloeServer.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        e.printStackTrace();
      }
    }, "floe-bench-stop"));
    server.join();
  }

  /** Secrets this server seals live only as long as the run's temporary store: any fresh key will do. */
  private static String freshSecretKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
