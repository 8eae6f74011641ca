package live.harvest.livestream.offer;

import live.harvest.platform.problem.DomainException;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static live.harvest.livestream.offer.OfferStatus.CLOSED;
import static live.harvest.livestream.offer.OfferStatus.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An offer's one move, OPEN → CLOSED, and a closed offer never closing again. */
@UnitTest
class OfferStatusTest {

    @Test
    void givenBothStatuses_whenAskedWhereTheyMayGo_thenOnlyAnOpenOfferMayClose() {
        assertTrue(OPEN.canMoveTo(CLOSED));
        assertFalse(OPEN.canMoveTo(OPEN));
        assertFalse(CLOSED.canMoveTo(OPEN));
        assertFalse(CLOSED.canMoveTo(CLOSED));
        assertFalse(OPEN.isFinal());
        assertTrue(CLOSED.isFinal());
    }

    @Test
    void givenAPinnedOpenOffer_whenItCloses_thenItIsClosedUnpinnedWithItsReason() {
        Offer offer = openPinnedOffer();

        offer.close("expired", Instant.EPOCH);

        assertEquals(CLOSED, offer.status);
        assertFalse(offer.pinned);
        assertEquals("expired", offer.closeReason);
        assertEquals(Instant.EPOCH, offer.closedAt);
    }

    @Test
    void givenAClosedOffer_whenItClosesAgain_thenItIsRefusedAsOfferNotOpen() {
        Offer offer = openPinnedOffer();
        offer.close("closed-by-anchor", Instant.EPOCH);

        DomainException refused = assertThrows(DomainException.class, () -> offer.close("expired", Instant.now()));

        assertEquals(409, refused.status());
        assertEquals("https://harvest.live/problems/offer-not-open", refused.toProblem().type().toString());
        assertEquals("closed-by-anchor", offer.closeReason);
    }

    private static Offer openPinnedOffer() {
        Offer offer = new Offer();
        offer.status = OPEN;
        offer.pinned = true;
        return offer;
    }
}
