package live.harvest.integrations.partner;

import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;

import static live.harvest.integrations.partner.PartnerStatus.ACTIVE;
import static live.harvest.integrations.partner.PartnerStatus.DISABLED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The partner's state machine: disabled and enabled again as often as an admin likes (no Quarkus). */
@UnitTest
class PartnerStatusTest {

    private static final Instant REGISTERED = Instant.parse("2025-06-01T08:00:00Z");
    private static final Instant LATER = REGISTERED.plusSeconds(60);

    @Test
    void givenEachStatus_thenItMovesOnlyToTheOtherAndNeitherIsFinal() {
        assertEquals(EnumSet.of(DISABLED), ACTIVE.next());
        assertEquals(EnumSet.of(ACTIVE), DISABLED.next());
        for (PartnerStatus s : PartnerStatus.values()) {
            assertFalse(s.isFinal(), s.name());
        }
    }

    @Test
    void givenAnActivePartner_whenDisabled_thenItIsDisabledAsOfThen() {
        Partner partner = partner(ACTIVE);

        partner.moveTo(DISABLED, LATER);

        assertEquals(DISABLED, partner.status);
        assertEquals(LATER, partner.updatedAt);
    }

    @Test
    void givenADisabledPartner_whenDisabledAgain_thenNothingChanges() {
        Partner partner = partner(DISABLED);

        partner.moveTo(DISABLED, LATER);

        assertEquals(DISABLED, partner.status);
        assertEquals(REGISTERED, partner.updatedAt);
    }

    private static Partner partner(PartnerStatus status) {
        Partner partner = new Partner();
        partner.status = status;
        partner.updatedAt = REGISTERED;
        return partner;
    }
}
