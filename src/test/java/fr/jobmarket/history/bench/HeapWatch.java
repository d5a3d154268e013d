package fr.jobmarket.history.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Heap figures of one benchmark stage: the peak heap used (sum of the heap pools' peaks, an upper bound that
 * includes garbage the collector had no reason to reclaim yet) and the largest heap occupancy right after a
 * collection (what the stage really keeps, whatever the collector's laziness). {@link #restart()} begins a stage.
 */
public final class HeapWatch {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final AtomicLong largestLive = new AtomicLong();

    public HeapWatch() {
        Set<String> poolNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(pool -> poolNames.contains(pool.getKey()))
                            .mapToLong(pool -> pool.getValue().getUsed()).sum();
                    largestLive.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
    }

    /**
     * Collects the garbage of what came before and clears the peaks: the next figures are the following stage's
     * (its live heap includes what was already live, such as the geographic reference).
     */
    public void restart() {
        largestLive.set(0);
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    public long peakUsedBytes() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    public long largestLiveBytes() {
        return largestLive.get();
    }

    public static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /** Deletes a benchmark's work directory, if present. */
    public static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
