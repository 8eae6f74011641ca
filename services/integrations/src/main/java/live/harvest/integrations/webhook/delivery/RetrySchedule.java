package live.harvest.integrations.webhook.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When each attempt of a delivery is made: {@code delays.get(n - 1)} after the previous one failed (the first
 * after the event was recorded), each stretched or shrunk at random by up to {@code jitter} of itself so that
 * endpoints that failed together do not all come back at the same instant. The default
 * {@code 0s, 5s, 5m, 30m, 2h, 5h, 10h, 10h} makes eight attempts spread over about 28 hours (ADR 0022).
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

    public RetrySchedule {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one attempt");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        delays = List.copyOf(delays);
    }

    /** How many attempts a delivery gets in all. */
    public int attempts() {
        return delays.size();
    }

    /**
     * When to make the next attempt after {@code failedAttempts} attempts failed (the last one at {@code now});
     * empty when none is left. {@code random} yields uniform values in [0, 1).
     */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant now, DoubleSupplier random) {
        if (failedAttempts < 1 || failedAttempts >= delays.size()) {
            return Optional.empty();
        }
        return Optional.of(now.plus(jittered(delays.get(failedAttempts), random)));
    }

    /** {@code delay} times a factor drawn uniformly in [1 - jitter, 1 + jitter). */
    public Duration jittered(Duration delay, DoubleSupplier random) {
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofNanos(Math.round(delay.toNanos() * factor));
    }

    /** The time from the first attempt to the last when no jitter applies. */
    public Duration span() {
        return delays.stream().skip(1).reduce(Duration.ZERO, Duration::plus);
    }
}
