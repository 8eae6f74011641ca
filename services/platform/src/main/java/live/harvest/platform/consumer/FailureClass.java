package live.harvest.platform.consumer;

/** What the dispatcher does with a record whose handling failed. */
public enum FailureClass {
    /** The world was briefly unavailable (database, lock, broker, Redis): roll back, wait, try the same record again. */
    TRANSIENT,
    /** No retry can fix the record (unreadable, unknown type or version, contract violation, a defect): dead-letter it. */
    POISON,
    /** A business rule refused the event (a {@code DomainException}): record it and move on. */
    REFUSAL
}
