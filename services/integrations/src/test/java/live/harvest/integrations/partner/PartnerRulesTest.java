package live.harvest.integrations.partner;

import live.harvest.platform.problem.DomainException;
import live.harvest.platform.security.Scopes;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure rules of registration: client ids and scope checks (no Quarkus, no Keycloak). */
@UnitTest
class PartnerRulesTest {

    @Test
    void givenAName_whenDerivingTheClientId_thenItIsPartnerSlugAndSixRandomHexDigits() {
        String clientId = PartnerRegistration.clientIdFor("  Zhejiang Cold-Chain Couriers, Ltd. ");

        assertTrue(clientId.matches("partner-zhejiang-cold-chain-couriers-ltd-[0-9a-f]{6}"), clientId);
        assertNotEquals(clientId, PartnerRegistration.clientIdFor("  Zhejiang Cold-Chain Couriers, Ltd. "));
    }

    @Test
    void givenALongOrNonLatinName_whenDerivingTheClientId_thenTheSlugIsShortAndStillValid() {
        assertTrue(PartnerRegistration.clientIdFor("x".repeat(100)).matches("partner-x{40}-[0-9a-f]{6}"));
        assertTrue(PartnerRegistration.clientIdFor("千岛湖物流").matches("partner-[0-9a-f]{6}"));
        assertTrue(PartnerRegistration.clientIdFor("Café Zürich").matches("partner-cafe-zurich-[0-9a-f]{6}"));
    }

    @Test
    void givenKnownScopesWithRepeats_whenChecked_thenTheyAreDeduplicatedAndSorted() {
        assertEquals(List.of(Scopes.EVENTS_READ, Scopes.SHIPMENTS_READ), PartnerRegistration.knownScopes(
                List.of(Scopes.SHIPMENTS_READ, Scopes.EVENTS_READ, Scopes.SHIPMENTS_READ)));
    }

    @Test
    void givenUnknownScopes_whenChecked_thenEachIsReportedByItsPosition() {
        DomainException refused = assertThrows(DomainException.class, () -> PartnerRegistration.knownScopes(
                List.of("admin", Scopes.ORDERS_READ, "openid")));

        assertEquals(400, refused.status());
        assertEquals(List.of("scopes[0]", "scopes[2]"),
                refused.toProblem().errors().stream().map(e -> e.field()).toList());
    }
}
