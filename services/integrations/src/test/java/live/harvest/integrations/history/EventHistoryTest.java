package live.harvest.integrations.history;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.integrations.support.DomainEvents;
import live.harvest.integrations.support.HistoryReader;
import live.harvest.integrations.support.Partners;
import live.harvest.integrations.support.RecordedEvents;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static live.harvest.integrations.support.DomainEvents.county;
import static live.harvest.integrations.support.DomainEvents.site;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The partner event history against real Kafka, PostgreSQL and Keycloak: envelopes published to the test topics are
 * recorded once, with keys from their payload and from earlier events, and each partner reads exactly what its grant
 * sees, page by page.
 */
@QuarkusTest
class EventHistoryTest {

    @Inject
    DomainEvents events;

    @Inject
    RecordedEvents recorded;

    @AfterEach
    void deleteTheClientsThisTestCreated() {
        Partners.deleteTestClients();
    }

    @Test
    void givenAPaymentPartnerACourierAndACountyCentre_whenEachReadsTheHistory_thenEachGetsExactlyItsOwnEvents() {
        // Given an order paid through our payment partner, sold from county S and delivered to county D, whose
        // parcel was routed through our courier's station; and an order of someone else's in other places
        String sellerCounty = county();
        String deliveryCounty = county();
        String station = site("STN");
        String ours = "pay-" + UUID.randomUUID().toString().substring(0, 8);
        HistoryReader payer = HistoryReader.of("PAYMENT_PROVIDER", List.of(), List.of(), ours);
        HistoryReader courier = HistoryReader.of("COURIER", List.of(), List.of(station), null);
        HistoryReader centre = HistoryReader.of("COUNTY_SERVICE_CENTRE", List.of(sellerCounty), List.of(), null);

        UUID seller = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        EventEnvelope placed = events.publish(DomainEvents.placed(order, seller));
        EventEnvelope paid = events.publish(DomainEvents.paid(order, seller, sellerCounty, deliveryCounty, ours));
        EventEnvelope created = events.publish(DomainEvents.created(shipment, order, deliveryCounty));
        EventEnvelope routed = events.publish(DomainEvents.routed(shipment, order, "CTR-" + sellerCounty,
                "CTR-" + deliveryCounty, station));
        EventEnvelope delivered = events.publish(DomainEvents.delivered(shipment, order));
        EventEnvelope refunded = events.publish(DomainEvents.refunded(order, seller));
        EventEnvelope listed = events.publish(DomainEvents.listed(UUID.randomUUID(), sellerCounty));

        UUID otherOrder = UUID.randomUUID();
        UUID otherShipment = UUID.randomUUID();
        String elsewhere = county();
        events.publish(DomainEvents.paid(otherOrder, UUID.randomUUID(), elsewhere, elsewhere, "pay-someone-else"));
        events.publish(DomainEvents.routed(otherShipment, otherOrder, "CTR-" + elsewhere, "CTR-" + elsewhere,
                site("STN")));
        events.publish(DomainEvents.delivered(otherShipment, otherOrder));
        events.publish(DomainEvents.listed(UUID.randomUUID(), elsewhere));

        // Then the payment partner sees its order's orders events (the order-placed came before any payment)
        awaitExactly(payer, ids(paid, refunded));
        // the courier the shipment events from its station on (the delivery inherits the station)
        awaitExactly(courier, ids(routed, delivered));
        // the county centre everything of its county: the order, its shipment (inherited) and the listing
        awaitExactly(centre, ids(paid, created, routed, delivered, refunded, listed));
        assertEquals(List.of(), payer.allEventIds(100).stream().filter(placed.eventId()::equals).toList());

        // And an admin reads the courier's view with partnerId
        List<String> adminView = given().auth().oauth2(Tokens.admin()).queryParam("partnerId", courier.id())
                .get("/api/v1/events").then().statusCode(200).extract().jsonPath().getList("items.event.eventId");
        assertEquals(ids(routed, delivered).stream().map(UUID::toString).toList(), adminView);
    }

    @Test
    void givenMoreEventsThanAPage_whenReadFromNextToNext_thenThePagesJoinWithoutGapsOrRepeats() {
        // Given six events of one county centre's county
        String county = county();
        HistoryReader centre = HistoryReader.of("COUNTY_SERVICE_CENTRE", List.of(county), List.of(), null);
        List<UUID> published = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            published.add(events.publish(DomainEvents.listed(UUID.randomUUID(), county)).eventId());
        }
        awaitExactly(centre, published);

        // When read two at a time, each page continuing from the previous page's next
        var first = centre.page(null, null, 2).statusCode(200).extract().jsonPath();
        List<UUID> joined = new ArrayList<>(eventIds(first.getList("items.event.eventId")));
        String next = first.getString("next");
        assertEquals(first.getString("items[1].cursor"), next);
        for (int page = 0; page < 3; page++) {
            var more = centre.page(next, null, 2).statusCode(200).extract().jsonPath();
            joined.addAll(eventIds(more.getList("items.event.eventId")));
            next = more.getString("next");
        }

        // Then the pages are the history in order, each event once, and the last page leaves next in place
        assertEquals(published, joined);
        var after = centre.page(next, null, 2).statusCode(200).body("items.size()", equalTo(0))
                .body("next", equalTo(next));
        assertNotNull(after);

        // And a type filter narrows the same history (here: to nothing of orders)
        centre.page(null, "orders.*,logistics.shipment-delivered", 10).statusCode(200)
                .body("items.size()", equalTo(0));
        centre.page(null, "catalog.*", 10).statusCode(200).body("items.size()", equalTo(6));
    }

    @Test
    void givenTheSameEnvelopeDeliveredTwice_whenRecorded_thenItIsStoredAndAnnouncedOnce() {
        String county = county();
        HistoryReader centre = HistoryReader.of("COUNTY_SERVICE_CENTRE", List.of(county), List.of(), null);
        EventEnvelope listed = events.wrap(DomainEvents.listed(UUID.randomUUID(), county));

        events.publish(listed);
        events.publish(listed);
        EventEnvelope marker = events.publish(DomainEvents.listed(UUID.randomUUID(), county));

        // Once the marker behind the duplicate is visible, the duplicate was consumed (same partition order)
        awaitExactly(centre, List.of(listed.eventId(), marker.eventId()));
        assertEquals(1, events.recorded(listed.eventId()));
        assertEquals(1, recorded.of(listed.eventId()).size());
        EventRecorded announced = recorded.of(listed.eventId()).get(0);
        assertEquals("catalog.product-listed", announced.type());
        assertEquals(List.of(county), List.copyOf(announced.keys().counties()));
        // the announced body is the envelope itself: the item's event, field for field
        Map<String, Object> item = centre.page(null, null, 1).statusCode(200).extract().jsonPath().getMap("items[0].event");
        assertEquals(KafkaProbe.tree(announced.envelopeJson()), item);
    }

    @Test
    void givenShipmentEventsThatArriveBeforeTheirOrderIsPaid_thenTheyKeepTheKeysTheyHadAndLaterOnesInherit() {
        // Given logistics was read before orders: the shipment's events arrive before its order-paid
        String sellerCounty = county();
        String deliveryCounty = county();
        String station = site("STN");
        HistoryReader sellerCentre = HistoryReader.of("COUNTY_SERVICE_CENTRE", List.of(sellerCounty), List.of(),
                null);
        HistoryReader deliveryCentre = HistoryReader.of("COUNTY_SERVICE_CENTRE", List.of(deliveryCounty),
                List.of(), null);
        HistoryReader courier = HistoryReader.of("COURIER", List.of(), List.of(station), null);
        UUID seller = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();

        EventEnvelope created = events.publish(DomainEvents.created(shipment, order, deliveryCounty));
        EventEnvelope routed = events.publish(DomainEvents.routed(shipment, order, "CTR-X" + sellerCounty,
                "CTR-X" + deliveryCounty, station));
        EventEnvelope paid = events.publish(DomainEvents.paid(order, seller, sellerCounty, deliveryCounty, "pay-x"));
        EventEnvelope delivered = events.publish(DomainEvents.delivered(shipment, order));

        // Then the early events still carry what they stated themselves: the delivery county (from the
        // destination township) and the sites of the route
        awaitExactly(deliveryCentre, ids(created, routed, paid, delivered));
        awaitExactly(courier, ids(routed, delivered));
        // and the seller's county, learnt from order-paid, reaches only the events recorded after it
        awaitExactly(sellerCentre, ids(paid, delivered));
    }

    @Test
    void givenAPartnerWithoutEventsRead_whenItReadsTheHistory_then403() {
        Map<String, Object> partner = Partners.registered("no events", "COURIER", "shipments:read");
        String token = live.harvest.integrations.support.KeycloakRealm.accessToken(
                (String) partner.get("clientId"), (String) partner.get("clientSecret"));
        var response = given().auth().oauth2(token).get("/api/v1/events").then();
        live.harvest.testkit.Problems.assertProblem(response, 403);
    }

    @Test
    void givenBadCursorsTypesOrLimits_whenRead_then400ProblemsAndNothingElse() {
        HistoryReader centre = HistoryReader.of("COUNTY_SERVICE_CENTRE", List.of(county()), List.of(), null);
        for (String cursor : List.of("not-a-cursor", "djEuMS4y!", "x".repeat(100), "djIuMS4y")) {
            live.harvest.testkit.Problems.assertProblem(centre.page(cursor, null, null), 400)
                    .body("detail", org.hamcrest.Matchers.containsString("after"));
        }
        live.harvest.testkit.Problems.assertProblem(centre.page(null, "orders.order-payed", null), 400);
        live.harvest.testkit.Problems.assertProblem(centre.page(null, "billing.*", null), 400);
        live.harvest.testkit.Problems.assertProblem(centre.page(null, "orders.*,", null), 400);
        live.harvest.testkit.Problems.assertProblem(centre.page(null, null, 0), 400);
        live.harvest.testkit.Problems.assertProblem(centre.page(null, null, 501), 400);
        // an admin must say whose view
        live.harvest.testkit.Problems.assertProblem(
                given().auth().oauth2(Tokens.admin()).get("/api/v1/events").then(), 400);
    }

    private static void awaitExactly(HistoryReader reader, List<UUID> expected) {
        List<List<UUID>> last = new ArrayList<>(List.of(List.of()));
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
                last.set(0, reader.allEventIds(100));
                return last.get(0).equals(expected);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            assertEquals(expected, last.get(0), "the partner's history");
        }
    }

    private static List<UUID> ids(EventEnvelope... envelopes) {
        return java.util.Arrays.stream(envelopes).map(EventEnvelope::eventId).toList();
    }

    private static List<UUID> eventIds(List<String> ids) {
        return ids.stream().map(UUID::fromString).toList();
    }
}
