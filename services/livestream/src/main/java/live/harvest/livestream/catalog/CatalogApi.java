package live.harvest.livestream.catalog;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import live.harvest.platform.event.common.TemperatureClass;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * The two catalog endpoints livestream relies on (contract in openapi/catalog.yaml), as the wire; features reach them
 * through {@link CatalogClient}, which translates the answers and carries timeout, retry and breaker. Livestream calls
 * as itself: {@link OidcClientFilter} adds its own client-credentials token, never the seller's; the allocation names
 * the seller, and catalog checks that the SKU is that seller's. Connect and read timeouts: application.properties.
 */
@RegisterRestClient(configKey = "catalog")
@OidcClientFilter
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    @GET
    @Path("/sellers/{sellerId}")
    Seller seller(@PathParam("sellerId") UUID sellerId);

    /** Idempotent by {@code offerId}: the same offer id again returns the first allocation (200). */
    @POST
    @Path("/skus/{skuId}/allocations")
    Allocation allocate(@PathParam("skuId") UUID skuId, AllocationRequest request);

    record Seller(UUID sellerId, String displayName, String kind, String homeCountyCode, String homeTownshipCode,
                  boolean verified) {
    }

    record AllocationRequest(UUID offerId, UUID sellerId, int quantity) {
    }

    record Allocation(UUID offerId, UUID skuId, UUID productId, UUID sellerId, String sellerCountyCode, String title,
                      String spec, long priceFen, String currency, TemperatureClass temperatureClass,
                      String traceCode, int quantity, long onHandAfter) {
    }
}
