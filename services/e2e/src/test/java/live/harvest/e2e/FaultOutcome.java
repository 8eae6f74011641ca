package live.harvest.e2e;

import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one fault drill measured, the row it prints, and the invariants every drill must keep. Columns of the row:
 * attempts (keys pressed), accepted (orders named to buyers), lost (accepted orders orders cannot show, or paid and
 * never routed), duplicated (keys answered differently + orders nobody was told of + orders routed twice),
 * oversold (orders beyond the offer's units), seconds to converge (from the end of the fault until every order is
 * routed and the unsold units are back in catalog).
 */
record FaultOutcome(String fault, int attempts, int retries, int accepted, int ordersInDb, int lost,
                    List<String> keysAnsweredDifferently, List<UUID> phantomOrders, int routedTwice, int oversoldBy,
                    int maxUnitsToldToABuyer, int maxUnitsOfABuyerInDb, int unjustLimitRefusals,
                    Map<String, Long> otherAnswers, Map<UUID, String> refusedPayments, Stock stock, int unitsLeftAtClose,
                    Double secondsToConverge) {

    /** Catalog's view: units allocated to the offer and units given back when its pool was drained. */
    record Stock(long allocated, long returned) {
    }

    static final String HEADER = "| fault | attempts | accepted | lost | duplicated | oversold | seconds to converge "
            + "| stock: allocated = sold + returned |\n|---|---:|---:|---:|---:|---:|---:|---|";

    int duplicated() {
        return keysAnsweredDifferently.size() + phantomOrders.size() + routedTwice;
    }

    int oversold() {
        return Math.max(0, oversoldBy);
    }

    String row() {
        String converge = secondsToConverge == null ? "did not converge" : String.format("%.1f", secondsToConverge);
        String conserved = stock.allocated() == ordersInDb + stock.returned() ? "yes" : "NO";
        return String.format("| %s | %d | %d | %d | %d | %d | %s | %d = %d + %d (%s) |", fault, attempts, accepted, lost,
                duplicated(), oversold(), converge, stock.allocated(), ordersInDb, stock.returned(), conserved);
    }

    /** Everything else a drill saw, for the log of a failed run. */
    String details() {
        return String.format("%s: %d retries, other answers %s, refused payments %d, units left at close %d, "
                        + "max units per buyer told/in orders %d/%d, unjust limit refusals %d, phantom orders %s, "
                        + "keys answered differently %s", fault, retries, otherAnswers, refusedPayments.size(),
                unitsLeftAtClose, maxUnitsToldToABuyer, maxUnitsOfABuyerInDb, unjustLimitRefusals,
                first(phantomOrders), first(keysAnsweredDifferently));
    }

    /** The invariants of the issue; all are checked and reported together. */
    void assertInvariants() {
        List<Executable> checks = new ArrayList<>(List.of(
                () -> assertEquals(Map.of(), otherAnswers, "every press ends in an order, sold-out or limit-reached"),
                () -> assertEquals(0, oversold(), "no oversell: orders beyond the offer's " + FaultDrill.UNITS + " units"),
                () -> assertEquals(FaultDrill.UNITS, ordersInDb, "demand exceeds supply: the offer sells out"),
                () -> assertEquals(accepted, ordersInDb, "orders' own view agrees with what buyers were told"),
                () -> assertTrue(maxUnitsToldToABuyer <= FaultDrill.LIMIT && maxUnitsOfABuyerInDb <= FaultDrill.LIMIT,
                        "nobody over the per-buyer limit of " + FaultDrill.LIMIT),
                () -> assertEquals(0, unjustLimitRefusals, "limit-reached only for buyers who hold the limit"),
                () -> assertEquals(List.of(), keysAnsweredDifferently, "the same answer for every retried key"),
                () -> assertEquals(List.of(), phantomOrders, "no second order per key (no order nobody was told of)"),
                () -> assertEquals(Map.of(), refusedPayments, "every accepted order can be paid"),
                () -> assertEquals(0, lost, "every accepted order present, every paid order routed"),
                () -> assertEquals(0, routedTwice, "every paid order routed exactly once"),
                () -> assertNotNull(secondsToConverge, "converged: all routed, pool drained, units back at catalog"),
                () -> assertEquals(FaultDrill.UNITS, stock.allocated(), "catalog allocated the offer's units"),
                () -> assertEquals(stock.allocated(), ordersInDb + stock.returned(),
                        "stock conserved: allocated = sold + returned")));
        assertAll(fault, checks);
    }

    private static String first(List<?> items) {
        return items.size() <= 3 ? items.toString() : items.subList(0, 3) + " and " + (items.size() - 3) + " more";
    }
}
