package live.harvest.platform.pacing;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one send per key per interval, without delaying the first: the first change after a quiet interval is
 * sent at once, the changes within an interval are gathered into one send at its end, and an urgent change (a pool
 * that just emptied) is sent at once whatever the interval. The sender reads the latest state when it sends, so a
 * gathered send carries every change before it. Times are {@link System#nanoTime()} values. Thread-safe.
 */
public final class Pacer<K> {

    private final long intervalNanos;
    private final Map<K, Slot> slots = new ConcurrentHashMap<>();

    public Pacer(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    private static final class Slot {
        long lastSent;
        boolean sentOnce;
        boolean due;
    }

    /**
     * A change of {@code key} happened: when to send it. Empty when a send is already due and will carry this change;
     * otherwise the delay in nanoseconds (0: now), and the caller must then send after that delay.
     */
    public OptionalLong changed(K key, long now, boolean urgent) {
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        synchronized (slot) {
            if (urgent) {
                slot.due = true;
                return OptionalLong.of(0);
            }
            if (slot.due) {
                return OptionalLong.empty();
            }
            slot.due = true;
            long since = now - slot.lastSent;
            return OptionalLong.of(!slot.sentOnce || since >= intervalNanos ? 0 : intervalNanos - since);
        }
    }

    /**
     * The caller is about to read the state of {@code key} and send it: changes from now on need a send of their own.
     * Call it before reading the state, so that a change racing with the read is never left unsent.
     */
    public void sending(K key, long now) {
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        synchronized (slot) {
            slot.lastSent = now;
            slot.sentOnce = true;
            slot.due = false;
        }
    }

    /** Forgets keys with nothing due and no send within {@code quiet}: their next change goes at once anyway. */
    public void forgetQuiet(long now, Duration quiet) {
        slots.entrySet().removeIf(entry -> {
            Slot slot = entry.getValue();
            synchronized (slot) {
                return !slot.due && now - slot.lastSent > quiet.toNanos();
            }
        });
    }

    /** How many keys are tracked (for tests). */
    public int size() {
        return slots.size();
    }
}
