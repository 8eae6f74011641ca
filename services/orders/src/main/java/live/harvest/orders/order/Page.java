package live.harvest.orders.order;

import java.util.List;

/** A page of a list, newest first; {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
