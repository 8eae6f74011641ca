package live.harvest.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a flash-sale run did, stage by stage; printed by the demo and the end-to-end test. */
public final class Report {

    public int units;
    public int buyers;
    public int attempts;
    public int accepted;
    public int unitsSold;
    public int soldOut;
    public int limitReached;
    public Map<String, Integer> otherAnswers = Map.of();
    public int maxUnitsPerBuyer;
    public int paid;
    public int routed;
    public int routingFailed;
    public int delivered;
    public int pickedUp;
    public long gmvFen;
    public long resultsUnitsSold;
    public long resultsGmvFen;
    public long feedStockEvents;
    public boolean feedSawSoldOut;
    public long buysPerSecond;
    public long firstBuyToLastRoutedMillis;
    public String traceCode;
    public final Map<String, Long> stageMillis = new LinkedHashMap<>();

    public int oversell() {
        return Math.max(0, unitsSold - units);
    }

    public String render() {
        StringBuilder out = new StringBuilder("\n=== Harvest Live flash sale: report ===\n");
        row(out, "units on offer", units);
        row(out, "buyers / attempts", buyers + " / " + attempts);
        row(out, "accepted orders (units)", accepted + " (" + unitsSold + ")");
        row(out, "sold-out answers", soldOut);
        row(out, "limit-reached answers", limitReached);
        row(out, "other answers", otherAnswers.isEmpty() ? "none" : otherAnswers.toString());
        row(out, "OVERSELL", oversell());
        row(out, "max units one buyer got", maxUnitsPerBuyer);
        row(out, "buy throughput", buysPerSecond + " attempts/s");
        row(out, "feed stock events (coalesced)", feedStockEvents + (feedSawSoldOut ? ", sold-out seen" : ""));
        row(out, "paid", paid);
        row(out, "routed / routing failed", routed + " / " + routingFailed);
        row(out, "delivered / picked up", delivered + " / " + pickedUp);
        row(out, "GMV", String.format("%d fen (%.2f yuan)", gmvFen, gmvFen / 100.0));
        row(out, "stream results: units, GMV", resultsUnitsSold + ", " + resultsGmvFen + " fen");
        row(out, "first buy -> last shipment routed", firstBuyToLastRoutedMillis + " ms");
        row(out, "batch trace code", traceCode);
        out.append("--- time per stage ---\n");
        stageMillis.forEach((stage, ms) -> row(out, stage, ms + " ms"));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, Object value) {
        out.append(String.format("%-36s %s%n", label, value));
    }
}
