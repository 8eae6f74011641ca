package live.harvest.platform.value;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import live.harvest.platform.event.orders.OrderEvents;

/**
 * Where a parcel goes, as an order and its shipment keep it: recipient, phone, and the county, township and
 * village region codes with the free-text detail. One embeddable for both entities; {@link #toEvent} and
 * {@link #of} translate to and from the published contract, which names the detail {@code detail}.
 */
@Embeddable
public record DeliveryAddress(
        @Column(name = "recipient") String recipient,
        @Column(name = "phone") String phone,
        @Column(name = "county_code") String countyCode,
        @Column(name = "township_code") String townshipCode,
        @Column(name = "village_code") String villageCode,
        @Column(name = "address_detail") String detail) {

    public static DeliveryAddress of(OrderEvents.DeliveryAddress published) {
        return new DeliveryAddress(published.recipient(), published.phone(), published.countyCode(),
                published.townshipCode(), published.villageCode(), published.detail());
    }

    public OrderEvents.DeliveryAddress toEvent() {
        return new OrderEvents.DeliveryAddress(recipient, phone, countyCode, townshipCode, villageCode, detail);
    }
}
