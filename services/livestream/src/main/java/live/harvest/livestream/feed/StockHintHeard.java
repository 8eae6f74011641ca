package live.harvest.livestream.feed;

/** Orders' stock hint as heard on Redis (JSON of a PoolStockHint), fired on the subscription's event loop. */
public record StockHintHeard(String json) {
}
