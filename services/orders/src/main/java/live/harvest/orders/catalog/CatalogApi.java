package live.harvest.orders.catalog;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/** Catalog's stock-reservation endpoints; responses are read raw so catalog's problem slugs can be mapped. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/v1/stock/reservations")
public interface CatalogApi {

    record ReservationRequest(UUID orderId, UUID skuId, int quantity) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response reserve(@HeaderParam("Authorization") String authorization, ReservationRequest request);

    @DELETE
    @Path("/{orderId}")
    Response release(@HeaderParam("Authorization") String authorization, @PathParam("orderId") UUID orderId);
}
