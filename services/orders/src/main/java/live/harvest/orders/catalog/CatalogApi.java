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
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * Catalog's internal stock-reservation endpoints. Orders calls them as itself: {@link OidcClientFilter} adds orders'
 * own client-credentials token, never the buyer's. Responses are read raw so catalog's problem slugs can be mapped.
 */
@RegisterRestClient(configKey = "catalog")
@OidcClientFilter
@Path("/api/v1/stock/reservations")
public interface CatalogApi {

    record ReservationRequest(UUID orderId, UUID buyerId, UUID skuId, int quantity) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response reserve(ReservationRequest request);

    @DELETE
    @Path("/{orderId}")
    Response release(@PathParam("orderId") UUID orderId);
}
