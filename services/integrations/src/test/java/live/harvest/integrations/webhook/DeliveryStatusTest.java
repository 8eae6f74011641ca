package live.harvest.integrations.webhook;

import live.harvest.integrations.webhook.delivery.DeliveryStatus;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static live.harvest.integrations.webhook.delivery.DeliveryStatus.DELIVERED;
import static live.harvest.integrations.webhook.delivery.DeliveryStatus.FAILED;
import static live.harvest.integrations.webhook.delivery.DeliveryStatus.PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A delivery's state machine (no Quarkus). */
@UnitTest
class DeliveryStatusTest {

    @Test
    void givenEachStatus_thenPendingEndsDeliveredOrFailedAndARedeliveryMakesEitherPendingAgain() {
        assertEquals(EnumSet.of(DELIVERED, FAILED), PENDING.next());
        assertEquals(EnumSet.of(PENDING), DELIVERED.next());
        assertEquals(EnumSet.of(PENDING), FAILED.next());
        for (DeliveryStatus status : DeliveryStatus.values()) {
            assertFalse(status.isFinal(), status.name());
        }
        assertFalse(DELIVERED.canMoveTo(FAILED));
    }
}
