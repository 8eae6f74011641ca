package live.harvest.orders.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.oidc.client.OidcClientException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import live.harvest.platform.problem.DomainException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.UUID;

/** Reaches catalog over REST as the orders service itself (see {@link CatalogApi}); the buyer's token stays here. */
@ApplicationScoped
public class CatalogStockClient implements CatalogStock {

    private static final Logger LOG = Logger.getLogger(CatalogStockClient.class);

    private final CatalogApi api;
    private final ObjectMapper mapper;

    public CatalogStockClient(@RestClient CatalogApi api, ObjectMapper mapper) {
        this.api = api;
        this.mapper = mapper;
    }

    @Override
    public CatalogReservation reserve(UUID orderId, UUID buyerId, UUID skuId, int quantity) {
        try (Response response = api.reserve(new CatalogApi.ReservationRequest(orderId, buyerId, skuId, quantity))) {
            String body = response.readEntity(String.class);
            int status = response.getStatus();
            if (status == 200 || status == 201) {
                return mapper.readValue(body, CatalogReservation.class);
            }
            throw refusal(status, problemOf(body), skuId);
        } catch (ProcessingException | OidcClientException | java.io.IOException e) {
            LOG.warnf("Catalog unreachable while reserving %s: %s", skuId, e.getMessage());
            throw unavailable();
        }
    }

    @Override
    public void release(UUID orderId) {
        try (Response response = api.release(orderId)) {
            if (response.getStatus() >= 300 && response.getStatus() != 404) {
                LOG.errorf("Catalog refused to release reservation of order %s: HTTP %d", orderId,
                        response.getStatus());
            }
        } catch (ProcessingException | OidcClientException e) {
            LOG.errorf("Catalog unreachable; reservation of order %s not released: %s", orderId, e.getMessage());
        }
    }

    private static DomainException refusal(int status, CatalogProblem problem, UUID skuId) {
        String slug = problem.slug();
        if (status == 404) {
            return DomainException.unprocessable("unknown-sku", "SKU " + skuId + " is not listed");
        }
        if (status == 409 && "insufficient-stock".equals(slug)) {
            return DomainException.conflict("insufficient-stock", "Not enough stock of SKU " + skuId);
        }
        if (status == 409 && "product-not-active".equals(slug)) {
            return DomainException.conflict("product-not-active", "SKU " + skuId + " is not on sale");
        }
        // The SKU's anti-hoarding caps are catalog's (ADR 0019); its detail names the cap, so the buyer gets it as is
        if (status == 409 && "buyer-cap-reached".equals(slug)) {
            return DomainException.conflict(slug, problem.detailOr("You hold as many units of SKU " + skuId
                    + " as one buyer may"));
        }
        if (status == 422 && "quantity-above-cap".equals(slug)) {
            return DomainException.unprocessable(slug, problem.detailOr("Too many units of SKU " + skuId
                    + " for one order"));
        }
        if (status == 400 || status == 422) {
            return DomainException.unprocessable("catalog-refused", "Catalog refused SKU " + skuId + ": " + slug);
        }
        LOG.warnf("Catalog answered HTTP %d (%s) for SKU %s", status, slug, skuId);
        return unavailable();
    }

    private static DomainException unavailable() {
        return new DomainException(503, "catalog-unavailable", "Service unavailable",
                "Stock of regular listings cannot be reserved right now; retry with the same Idempotency-Key", null);
    }

    /** The parts of catalog's problem+json that orders passes on: the type's last segment and the detail. */
    private record CatalogProblem(String slug, String detail) {
        String detailOr(String fallback) {
            return detail.isBlank() ? fallback : detail;
        }
    }

    private CatalogProblem problemOf(String problemBody) {
        try {
            JsonNode problem = mapper.readTree(problemBody);
            String uri = problem.path("type").asText("");
            return new CatalogProblem(uri.substring(uri.lastIndexOf('/') + 1), problem.path("detail").asText(""));
        } catch (Exception e) {
            return new CatalogProblem("", "");
        }
    }
}
