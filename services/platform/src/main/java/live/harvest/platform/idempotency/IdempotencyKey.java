package live.harvest.platform.idempotency;

/** The {@code Idempotency-Key} header every create endpoint accepts: one rule for the whole API. */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    /** 1 to 64 printable ASCII characters, e.g. a UUID the client generates per intent. */
    public static final String PATTERN = "^[\\x20-\\x7E]{1,64}$";
    public static final String MESSAGE = "must be 1-64 printable ASCII characters";

    private IdempotencyKey() {
    }
}
