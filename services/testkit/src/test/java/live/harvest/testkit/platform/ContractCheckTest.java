package live.harvest.testkit.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validation;
import live.harvest.platform.consumer.ContractCheck;
import live.harvest.platform.consumer.ContractCheck.ContractViolation;
import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentRouted;
import live.harvest.platform.event.orders.OrderEvents.DeliveryAddress;
import live.harvest.platform.event.orders.OrderEvents.OrderLine;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.UnitTest;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain tests of the contract check the dispatcher runs before any handler: required fields come from the records. */
@UnitTest
class ContractCheckTest {

    private final ContractCheck check = new ContractCheck(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    @Test
    void givenACompleteOrderPaid_whenChecked_thenItPasses() {
        assertDoesNotThrow(() -> checkAsReceived(orderPaid(UUID.randomUUID()), OrderPaid.class, null));
    }

    @Test
    void givenAnOrderPaidWithoutOrderId_whenChecked_thenItViolatesTheContract() {
        ContractViolation violation = assertThrows(ContractViolation.class,
                () -> checkAsReceived(orderPaid(null), OrderPaid.class, null));
        assertTrue(violation.getMessage().contains("orderId"), violation.getMessage());
    }

    @Test
    void givenAnOrderPaidWhoseLineLacksItsSku_whenChecked_thenTheNestedFieldIsNamed() {
        OrderPaid paid = orderPaid(UUID.randomUUID());
        OrderPaid broken = new OrderPaid(paid.orderId(), paid.buyerId(), paid.sellerId(), paid.sellerCountyCode(),
                null, paid.paymentId(), paid.amountFen(), paid.currency(),
                List.of(new OrderLine(null, null, null, "tea", "250 g", 1, 100, 100, TemperatureClass.AMBIENT, null)),
                paid.temperatureClass(), paid.address(), paid.paidAt());
        ContractViolation violation = assertThrows(ContractViolation.class,
                () -> checkAsReceived(broken, OrderPaid.class, null));
        assertTrue(violation.getMessage().contains("lines[0].skuId"), violation.getMessage());
    }

    @Test
    void givenAnOfferOpenedWithoutQuantity_whenChecked_thenItViolatesTheContract() {
        ContractViolation violation = assertThrows(ContractViolation.class,
                () -> checkAsReceived(offerOpened(10), OfferOpened.class, "quantity"));
        assertTrue(violation.getMessage().contains("quantity must be present"), violation.getMessage());
    }

    @Test
    void givenAnOfferOpenedOfZeroUnits_whenChecked_thenItViolatesTheContract() {
        ContractViolation violation = assertThrows(ContractViolation.class,
                () -> checkAsReceived(offerOpened(0), OfferOpened.class, null));
        assertTrue(violation.getMessage().contains("quantity"), violation.getMessage());
    }

    @Test
    void givenAShipmentEventWithoutItsOrder_whenChecked_thenItViolatesTheContract() {
        ShipmentRouted routed = new ShipmentRouted(UUID.randomUUID(), null, "CTR-1", "CTR-1", "STN-1", false,
                Instant.now());
        ContractViolation violation = assertThrows(ContractViolation.class,
                () -> checkAsReceived(routed, ShipmentRouted.class, null));
        assertTrue(violation.getMessage().contains("orderId"), violation.getMessage());
    }

    @Test
    void givenOptionalFieldsLeftOut_whenChecked_thenItPasses() {
        // the stream, the seller's county, the end time, the trace code and the village are optional by contract
        OfferOpened open = new OfferOpened(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null,
                UUID.randomUUID(), UUID.randomUUID(), "tea", null, 100, "CNY", 5, 1, null, null, null);
        assertDoesNotThrow(() -> checkAsReceived(open, OfferOpened.class, null));
    }

    @Test
    void givenAnOrderPaidWrittenBeforeThePaymentPartnerWasAdded_whenRead_thenItPassesWithNoPaymentPartner() {
        // ADR 0021 added paymentPartnerId to orders.order-paid without a new version: old events read it as null
        OrderPaid old = orderPaid(UUID.randomUUID());
        ObjectNode payload = KafkaProbe.JSON.valueToTree(old);
        payload.remove("paymentPartnerId");
        OrderPaid read = KafkaProbe.JSON.convertValue(payload, OrderPaid.class);
        assertDoesNotThrow(() -> check.check(read, payload));
        assertNull(read.paymentPartnerId());
        assertEquals(old.orderId(), read.orderId());
    }

    @Test
    void givenAnOrderPaidWithItsPaymentPartner_whenRead_thenThePartnerComesThrough() {
        OrderPaid paid = orderPaid(UUID.randomUUID());
        OrderPaid withPartner = new OrderPaid(paid.orderId(), paid.buyerId(), paid.sellerId(), paid.sellerCountyCode(),
                null, paid.paymentId(), paid.amountFen(), paid.currency(), paid.lines(), paid.temperatureClass(),
                paid.address(), paid.paidAt(), "acme-pay");
        JsonNode payload = KafkaProbe.JSON.valueToTree(withPartner);
        assertEquals("acme-pay", payload.path("paymentPartnerId").asText());
        assertEquals("acme-pay", KafkaProbe.JSON.convertValue(payload, OrderPaid.class).paymentPartnerId());
    }

    /** Serializes like a producer, optionally drops one field like a broken producer, and reads it back like a consumer. */
    private <E extends DomainEvent> void checkAsReceived(E event, Class<E> type, String dropped) {
        ObjectNode payload = KafkaProbe.JSON.valueToTree(event);
        if (dropped != null) {
            payload.remove(dropped);
        }
        JsonNode received = payload;
        check.check(KafkaProbe.JSON.convertValue(received, type), received);
    }

    static OrderPaid orderPaid(UUID orderId) {
        return new OrderPaid(orderId, UUID.randomUUID(), UUID.randomUUID(), "330127", null, "pay-1", 2_990, "CNY",
                List.of(new OrderLine(UUID.randomUUID(), UUID.randomUUID(), null, "fish", "1 kg", 1, 2_990, 2_990,
                        TemperatureClass.CHILLED, "BATCH-1")), TemperatureClass.CHILLED,
                new DeliveryAddress("Li Lei", "13800000000", "330127", "330127100", null, "No. 8"), Instant.now());
    }

    static OfferOpened offerOpened(int quantity) {
        return new OfferOpened(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "330127", UUID.randomUUID(),
                UUID.randomUUID(), "tea", "250 g", 100, "CNY", quantity, 1, null, TemperatureClass.AMBIENT, null);
    }
}
