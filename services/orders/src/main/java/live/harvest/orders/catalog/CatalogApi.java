package live.harvest.orders.catalog;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import live.harvest.platform.event.common.TemperatureClass;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * Catalog's internal stock-reservation endpoints (openapi/catalog.yaml). Orders calls them as itself:
 * {@link OidcClientFilter} adds orders' own client-credentials token, never the buyer's. Responses are read raw so
 * {@link CatalogClient} can map catalog's problem slugs.
 */
@RegisterRestClient(configKey = "catalog")
@OidcClientFilter
@Path("/api/v1/stock/reservations")
public interface CatalogApi {

    record ReservationRequest(UUID orderId, UUID buyerId, UUID skuId, int quantity) {
    }

    /** Catalog's answer to a reservation: the units and the facts to price the line. */
    record Reservation(UUID orderId, UUID skuId, UUID productId, UUID sellerId, String sellerCountyCode,
                       String title, String spec, long unitPriceFen, String currency,
                       TemperatureClass temperatureClass, String traceCode, int quantity) {
    }

    /** Idempotent per (orderId, skuId) at catalog: a repeat gets the first answer and counts no cap again. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response reserve(ReservationRequest request);

    /** Idempotent per orderId: a repeat withdraws nothing more; 404 when catalog holds nothing for the order. */
    @DELETE
    @Path("/{orderId}")
    Response release(@PathParam("orderId") UUID orderId);
}
