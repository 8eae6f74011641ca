package live.harvest.platform.event;

/**
 * Every Kafka topic name, in one place. One topic per publishing service; the record key is the aggregate id.
 * Each consuming service has its own dead-letter topic for messages it could not process.
 * <p>
 * These are the names of the contract. On the broker each deployment puts its namespace in front of them
 * ({@link TopicNamespace}: nothing for the stack, {@code test.} for the tests); configuration reads them, already in
 * the namespace, as {@code ${harvest.topics.<name>}} ({@link TopicNames}).
 */
public final class Topics {

    public static final String CATALOG = "harvest.catalog.events";
    public static final String LIVESTREAM = "harvest.livestream.events";
    public static final String ORDERS = "harvest.orders.events";
    public static final String LOGISTICS = "harvest.logistics.events";

    private static final String DEAD_LETTER_PREFIX = "harvest.dlq.";

    private Topics() {
    }

    /** Dead-letter topic of one consuming service, e.g. {@code harvest.dlq.logistics}. */
    public static String deadLetter(String consumingService) {
        return DEAD_LETTER_PREFIX + consumingService;
    }
}
