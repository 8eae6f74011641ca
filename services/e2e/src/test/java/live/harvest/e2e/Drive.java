package live.harvest.e2e;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Runs a batch of client actions concurrently and injects a fault once a third of them has been answered. */
final class Drive {

    /** A fault: returns once it is over (what was killed runs again). */
    @FunctionalInterface
    interface Fault {
        void inject() throws Exception;
    }

    /** When the fault began and when it was over; both null when there was no fault in this batch. */
    record Window(Instant start, Instant end) {
    }

    private Drive() {
    }

    static <T> Window run(List<T> items, int concurrency, Fault fault, Consumer<T> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger answered = new AtomicInteger();
        int trigger = Math.max(1, items.size() / 3);
        CompletableFuture<Window> injected = new CompletableFuture<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    action.accept(item);
                    if (answered.incrementAndGet() == trigger && fault != null) {
                        // On its own thread: the rush goes on while the fault lasts.
                        new Thread(() -> inject(fault, injected), "fault").start();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return fault == null ? new Window(null, null) : injected.get();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void inject(Fault fault, CompletableFuture<Window> injected) {
        Instant start = Instant.now();
        try {
            fault.inject();
            injected.complete(new Window(start, Instant.now()));
        } catch (Throwable e) {
            injected.completeExceptionally(e);
        }
    }
}
