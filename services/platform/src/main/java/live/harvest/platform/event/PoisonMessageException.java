package live.harvest.platform.event;

/** A message no retry can fix. Thrown from a consumer it nacks the record, which sends it to the dead-letter topic. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
