package dev.floe.bench;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads another JVM's heap at a fixed period through its platform MXBeans. The connection goes
 * through the attach API's local management agent, so the watched server opens no JMX port and
 * needs no flags.
 */
final class HeapSampler implements AutoCloseable {
  private final JMXConnector connector;
  private final MemoryMXBean memory;
  private final Optional<MemoryPoolMXBean> oldGeneration;
  private final List<GarbageCollectorMXBean> collectors;
  private final List<HeapSample> samples = new ArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "heap-sampler");
        thread.setDaemon(true);
        return thread;
      });
  private volatile String failure;

  private HeapSampler(JMXConnector connector) throws IOException {
    this.connector = connector;
    MBeanServerConnection server = connector.getMBeanServerConnection();
    this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
    this.oldGeneration =
        ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
            .filter(pool -> pool.getName().contains("Old Gen") || pool.getName().contains("Tenured"))
            .findFirst();
    this.collectors = ManagementFactory.getPlatformMXBeans(server, GarbageCollectorMXBean.class);
  }

  static HeapSampler attach(ProcessHandle process) throws IOException {
    VirtualMachine vm;
    try {
      vm = VirtualMachine.attach(String.valueOf(process.pid()));
    } catch (AttachNotSupportedException e) {
      throw new IOException("Cannot attach to JVM " + process.pid() + ": " + e.getMessage(), e);
    }
    String address;
    try {
      address = vm.startLocalManagementAgent();
    } finally {
      vm.detach();
    }
    return new HeapSampler(JMXConnectorFactory.connect(new JMXServiceURL(address)));
  }

  HeapSample sampleNow() {
    return new HeapSample(
        memory.getHeapMemoryUsage().getUsed(), oldGeneration.map(pool -> pool.getUsage().getUsed()).orElse(0L));
  }

  /**
   * The heap still in use right after a full collection requested in the watched JVM: what it
   * holds on to, without the garbage that a young generation accumulates between collections.
   */
  long liveBytesNow() {
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  long maxHeapBytes() {
    return memory.getHeapMemoryUsage().getMax();
  }

  long totalCollections() {
    return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  void start(Duration period) {
    timer.scheduleAtFixedRate(this::record, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops sampling and returns every sample taken since {@link #start}. */
  List<HeapSample> stop() throws InterruptedException {
    timer.shutdown();
    timer.awaitTermination(10, TimeUnit.SECONDS);
    if (failure != null) {
      throw new IllegalStateException("Sampling the heap failed: " + failure);
    }
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  private void record() {
    try {
      HeapSample sample = sampleNow();
      synchronized (samples) {
        samples.add(sample);
      }
    } catch (RuntimeException e) {
      failure = BenchTables.describe(e);
      timer.shutdown();
    }
  }

  @Override
  public void close() throws IOException {
    timer.shutdownNow();
    connector.close();
  }
}
