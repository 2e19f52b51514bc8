package dev.floe.bench;

import java.nio.file.Path;

/**
 * The S3 benchmark's store process: S3Proxy with its filesystem backend on a loopback port, in a
 * JVM of its own so that the store never shares a CPU budget's bookkeeping, a heap or a garbage
 * collector with the client or with Floe. Arguments: port, directory; keys come from the
 * environment so they never show in a process listing.
 */
public final class StoreServerMain {
  private StoreServerMain() {}

  public static void main(String[] args) throws Exception {
    SharedStore store =
        SharedStore.start(
            Path.of(args[1]),
            Integer.parseInt(args[0]),
            System.getenv(SharedStore.ACCESS_KEY_VARIABLE),
            System.getenv(SharedStore.SECRET_KEY_VARIABLE));
    Runtime.getRuntime().addShutdownHook(new Thread(store::close, "store-bench-stop"));
  }
}
