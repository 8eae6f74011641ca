package live.harvest.integrations.history;

import com.fasterxml.jackson.databind.JsonNode;
import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.EventTypes;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentCreated;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentRouted;
import live.harvest.platform.problem.DomainException;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The history's pure rules: what a payload mentions, the cursor's form and the types filter (no Quarkus). */
@UnitTest
class HistoryRulesTest {

    @Test
    void givenTheFieldsTheKeysAreReadFrom_thenEachStillExistsInSomeEventContract() {
        // Keys are read by field name; a renamed contract field would silently drop a key, so this fails instead.
        Set<String> fields = EventTypes.ALL.stream()
                .flatMap(c -> Arrays.stream(c.getRecordComponents()).map(RecordComponent::getName))
                .collect(Collectors.toSet());
        List<String> read = new ArrayList<>(Mentions.SITE_FIELDS);
        read.addAll(Mentions.COUNTY_FIELDS);
        read.addAll(List.of("orderId", "shipmentId", "sellerId", "sellerCountyCode", "address",
                "destinationTownshipCode", "paymentPartnerId"));
        List<String> missing = read.stream().filter(f -> !fields.contains(f)).toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void givenARoutedShipment_thenItMentionsItsShipmentOrderAndEverySiteOfTheRoute() {
        UUID shipment = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Mentions m = mentions(new ShipmentRouted(shipment, order, "CTR-330127", "CTR-520102", "STN-520102100",
                false, Instant.now()));
        assertEquals(shipment, m.shipmentId());
        assertEquals(order, m.orderId());
        assertEquals(Set.of("CTR-330127", "CTR-520102", "STN-520102100"), m.sites());
        assertEquals(Set.of(), m.counties());
        assertNull(m.paymentPartner());
    }

    @Test
    void givenACreatedShipment_thenItsDestinationTownshipNamesTheDeliveryCounty() {
        Mentions m = mentions(new ShipmentCreated(UUID.randomUUID(), UUID.randomUUID(), "520102003", Instant.now()));
        assertEquals("520102", m.deliveryCounty());
        assertEquals(Set.of("520102"), m.counties());
        Mentions none = mentions(new ShipmentCreated(UUID.randomUUID(), UUID.randomUUID(), "52", Instant.now()));
        assertNull(none.deliveryCounty());
    }

    @Test
    void givenACursor_whenEncodedAndDecoded_thenItIsTheSamePositionAndAnythingElseIs400() {
        HistoryCursor cursor = new HistoryCursor(987_654_321_012L, 42);
        assertEquals(cursor, HistoryCursor.decode(cursor.encode()));
        assertEquals(HistoryCursor.START, HistoryCursor.decode(null));
        for (String bad : List.of("42", "v1.1.2", "djEuMS4", "djEuLTEuMg", "%%%", "djEuMS4yLjM")) {
            DomainException e = assertThrows(DomainException.class, () -> HistoryCursor.decode(bad), bad);
            assertTrue(e.getMessage().contains("after"), e.getMessage());
        }
    }

    @Test
    void givenTypes_whenParsed_thenExactTypesAndDomainPrefixesMatchAndUnknownOnesAre400() {
        TypeFilter filter = TypeFilter.parse(" orders.* , logistics.shipment-delivered");
        assertTrue(filter.matches("orders.order-paid"));
        assertTrue(filter.matches("logistics.shipment-delivered"));
        assertTrue(!filter.matches("logistics.shipment-routed"));
        assertTrue(TypeFilter.parse(null).matches("catalog.product-listed"));
        for (String bad : List.of("orders", "orders.", "orders.order-payed", "*", "billing.*", "orders.*,")) {
            assertThrows(DomainException.class, () -> TypeFilter.parse(bad), bad);
        }
    }

    private static Mentions mentions(DomainEvent event) {
        JsonNode payload = KafkaProbe.JSON.valueToTree(event);
        return Mentions.of(payload);
    }
}
