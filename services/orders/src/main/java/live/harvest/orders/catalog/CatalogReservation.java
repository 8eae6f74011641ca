package live.harvest.orders.catalog;

import live.harvest.platform.event.common.TemperatureClass;

import java.util.UUID;

/** Catalog's answer to {@code POST /api/v1/stock/reservations}: the units and the facts to price the line. */
public record CatalogReservation(UUID orderId, UUID skuId, UUID productId, UUID sellerId, String sellerCountyCode,
                                 String title, String spec, long unitPriceFen, String currency,
                                 TemperatureClass temperatureClass, String traceCode, int quantity) {
}
