package live.harvest.platform.input;

/**
 * Bounds every paged list shares. A page parameter carries {@code @Min(0) @Max(Paging.MAX_PAGE)} and a size at most
 * {@link #MAX_SIZE}, so {@code page * size} (the SQL offset) always fits an int: 10,000 x 500 = 5,000,000.
 * Deeper than that, a client should narrow its filter rather than page on.
 */
public final class Paging {

    public static final int MAX_PAGE = 10_000;
    public static final int MAX_SIZE = 500;

    private Paging() {
    }
}
