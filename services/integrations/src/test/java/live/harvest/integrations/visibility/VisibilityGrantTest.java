package live.harvest.integrations.visibility;

import live.harvest.integrations.partner.PartnerKind;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static live.harvest.integrations.partner.PartnerKind.COUNTY_SERVICE_CENTRE;
import static live.harvest.integrations.partner.PartnerKind.COURIER;
import static live.harvest.integrations.partner.PartnerKind.PAYMENT_PROVIDER;
import static live.harvest.integrations.partner.PartnerKind.PLATFORM;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The visibility rule, as a table: who sees which event type with which keys (no Quarkus). */
@UnitTest
class VisibilityGrantTest {

    private static final VisibilityGrant PAY = grant(PAYMENT_PROVIDER, Set.of(), Set.of(), "acme-pay");
    private static final VisibilityGrant COURIER_A = grant(COURIER, Set.of(), Set.of("STN-330127100"), null);
    private static final VisibilityGrant CENTRE = grant(COUNTY_SERVICE_CENTRE, Set.of("330127"), Set.of(), null);
    private static final VisibilityGrant OTHER_PLATFORM = grant(PLATFORM, Set.of("330127", "520102"), Set.of(), null);
    /** A payment provider granted counties and sites still sees only its payments' orders. */
    private static final VisibilityGrant PAY_WITH_COUNTY = grant(PAYMENT_PROVIDER, Set.of("330127"),
            Set.of("STN-330127100"), "acme-pay");

    private static final VisibilityKeys PAID_ORDER = keys(Set.of("330127", "520102"), Set.of(), "acme-pay");
    private static final VisibilityKeys OTHERS_ORDER = keys(Set.of("330127"), Set.of(), "other-pay");
    private static final VisibilityKeys SHIPMENT = keys(Set.of("330127"), Set.of("CTR-330127", "STN-330127100"),
            "acme-pay");
    private static final VisibilityKeys FAR_SHIPMENT = keys(Set.of("110101"), Set.of("STN-110101001"), "acme-pay");
    private static final VisibilityKeys LISTING = keys(Set.of("330127"), Set.of(), null);

    record Row(VisibilityGrant grant, String type, VisibilityKeys keys, boolean sees) {
    }

    @Test
    void givenEachKindOfPartner_whenAskedAboutEvents_thenItSeesExactlyWhatTheRuleGrants() {
        List<Row> table = List.of(
                new Row(PAY, "orders.order-paid", PAID_ORDER, true),
                new Row(PAY, "orders.order-refunded", PAID_ORDER, true),
                new Row(PAY, "orders.order-paid", OTHERS_ORDER, false),
                new Row(PAY, "logistics.shipment-delivered", SHIPMENT, false),
                new Row(PAY, "catalog.product-listed", LISTING, false),
                new Row(PAY_WITH_COUNTY, "logistics.shipment-routed", SHIPMENT, false),
                new Row(PAY_WITH_COUNTY, "orders.order-placed", OTHERS_ORDER, false),
                new Row(COURIER_A, "logistics.shipment-routed", SHIPMENT, true),
                new Row(COURIER_A, "logistics.shipment-delivered", FAR_SHIPMENT, false),
                new Row(COURIER_A, "orders.order-paid", SHIPMENT, false),
                new Row(CENTRE, "orders.order-paid", PAID_ORDER, true),
                new Row(CENTRE, "logistics.shipment-routed", SHIPMENT, true),
                new Row(CENTRE, "catalog.product-listed", LISTING, true),
                new Row(CENTRE, "livestream.offer-opened", LISTING, true),
                new Row(CENTRE, "logistics.shipment-delivered", FAR_SHIPMENT, false),
                new Row(CENTRE, "billing.invoice-sent", LISTING, false),
                new Row(OTHER_PLATFORM, "orders.order-paid", OTHERS_ORDER, true),
                new Row(OTHER_PLATFORM, "logistics.shipment-delivered", FAR_SHIPMENT, false));
        assertAll(table.stream().map(row -> () -> assertEquals(row.sees(), row.grant().sees(row.type(), row.keys()),
                row.grant().kind() + " " + row.type() + " " + row.keys())));
    }

    @Test
    void givenAnEventWithNoKeys_thenNoPartnerSeesIt() {
        for (VisibilityGrant g : List.of(PAY, COURIER_A, CENTRE, OTHER_PLATFORM,
                grant(PAYMENT_PROVIDER, Set.of(), Set.of(), null))) {
            assertFalse(g.sees("orders.order-placed", VisibilityKeys.NONE), g.kind().name());
            assertFalse(g.sees("orders.order-placed", keys(Set.of(), Set.of(), null)), g.kind().name());
        }
    }

    @Test
    void givenAPaymentProviderWithoutAPaymentPartnerId_thenItSeesNoOrderWithoutOne() {
        VisibilityGrant unset = grant(PAYMENT_PROVIDER, Set.of(), Set.of(), null);
        assertFalse(unset.sees("orders.order-placed", keys(Set.of("330127"), Set.of(), null)));
    }

    @Test
    void givenAWebhookFilter_thenItIsCoveredOnlyWhenItLiesWithinTheGrant() {
        assertTrue(OTHER_PLATFORM.covers(Set.of(), Set.of()));
        assertTrue(OTHER_PLATFORM.covers(null, null));
        assertTrue(OTHER_PLATFORM.covers(Set.of("330127"), Set.of()));
        assertFalse(OTHER_PLATFORM.covers(Set.of("330127", "110101"), Set.of()));
        assertTrue(COURIER_A.covers(Set.of(), Set.of("STN-330127100")));
        assertFalse(COURIER_A.covers(Set.of(), Set.of("STN-330127101")));
        assertFalse(COURIER_A.covers(Set.of("330127"), Set.of()));
    }

    @Test
    void givenKeysFromTwoSources_whenJoined_thenTheyUniteAndKeepTheFirstPaymentPartner() {
        VisibilityKeys joined = keys(Set.of("330127"), Set.of("A1"), "acme-pay")
                .with(keys(Set.of("520102"), Set.of("B2"), "other-pay"));
        assertEquals(Set.of("330127", "520102"), joined.counties());
        assertEquals(Set.of("A1", "B2"), joined.sites());
        assertEquals("acme-pay", joined.paymentPartner());
        assertEquals("other-pay", VisibilityKeys.NONE.with(keys(Set.of(), Set.of(), "other-pay")).paymentPartner());
    }

    private static VisibilityGrant grant(PartnerKind kind, Set<String> counties, Set<String> sites, String pay) {
        return new VisibilityGrant(UUID.randomUUID(), kind, Set.of("events:read"), counties, sites, pay);
    }

    private static VisibilityKeys keys(Set<String> counties, Set<String> sites, String pay) {
        return new VisibilityKeys(counties, sites, pay);
    }
}
