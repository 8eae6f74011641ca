package live.harvest.livestream.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.oidc.client.OidcClientException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import live.harvest.livestream.catalog.CatalogClient.Allocation;
import live.harvest.livestream.catalog.CatalogClient.AllocationRequest;
import live.harvest.livestream.catalog.CatalogClient.Seller;
import live.harvest.platform.problem.DomainException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Catalog as livestream needs it: translates catalog's answers into our own problems, so a refusal there is a
 * clear 4xx here and an outage is a 503, never a leaked client exception.
 */
@ApplicationScoped
public class Catalog {

    private static final Logger LOG = Logger.getLogger(Catalog.class);

    private final CatalogClient client;
    private final ObjectMapper json;
    public Catalog(@RestClient CatalogClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /** The seller's profile, required to be verified; 403 {@code seller-not-verified} otherwise. */
    public Seller verifiedSeller(UUID sellerId) {
        Seller seller;
        try {
            seller = client.seller(sellerId);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw notVerified("Seller " + sellerId + " has no catalog profile");
            }
            throw unavailable(e);
        } catch (ProcessingException | OidcClientException e) {
            throw unavailable(e);
        }
        if (!seller.verified()) {
            throw notVerified("Seller " + sellerId + " is not verified yet");
        }
        return seller;
    }

    /**
     * Moves {@code quantity} units of the seller's SKU into the offer's pool; catalog refusals keep their status and
     * slug.
     */
    public Allocation allocate(UUID sellerId, UUID skuId, UUID offerId, int quantity) {
        try {
            return client.allocate(skuId, new AllocationRequest(offerId, sellerId, quantity));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String slug = slugOf(e);
            throw switch (status) {
                case 409 -> DomainException.conflict(slug == null ? "allocation-refused" : slug,
                        "Catalog refused the allocation of " + quantity + " units of SKU " + skuId
                                + (slug == null ? "" : " (" + slug + ")"));
                case 403 -> DomainException.forbidden("SKU " + skuId + " is not one of your products");
                case 404 -> DomainException.notFound("SKU", skuId);
                case 400, 422 -> DomainException.badRequest("allocation-invalid",
                        "Catalog rejected the allocation request for SKU " + skuId);
                default -> unavailable(e);
            };
        } catch (ProcessingException | OidcClientException e) {
            throw unavailable(e);
        }
    }

    private String slugOf(WebApplicationException e) {
        try {
            JsonNode problem = json.readTree(e.getResponse().readEntity(String.class));
            String type = problem.path("type").asText("");
            int slash = type.lastIndexOf('/');
            return slash >= 0 && slash < type.length() - 1 ? type.substring(slash + 1) : null;
        } catch (Exception unreadable) {
            return null;
        }
    }

    private static DomainException notVerified(String detail) {
        return new DomainException(403, "seller-not-verified", "Forbidden", detail, null);
    }

    private static DomainException unavailable(Exception cause) {
        LOG.warnf("Catalog call failed: %s", cause.getMessage());
        return new DomainException(503, "catalog-unavailable", "Service unavailable",
                "Catalog could not be reached; try again shortly", null);
    }
}
