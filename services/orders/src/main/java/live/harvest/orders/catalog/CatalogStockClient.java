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
            throw refusal(status, slugOf(body), skuId);
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

    private static DomainException refusal(int status, String slug, UUID skuId) {
        if (status == 404) {
            return DomainException.unprocessable("unknown-sku", "SKU " + skuId + " is not listed");
        }
        if (status == 409 && "insufficient-stock".equals(slug)) {
            return DomainException.conflict("insufficient-stock", "Not enough stock of SKU " + skuId);
        }
        if (status == 409 && "product-not-active".equals(slug)) {
            return DomainException.conflict("product-not-active", "SKU " + skuId + " is not on sale");
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

    private String slugOf(String problemBody) {
        try {
            JsonNode type = mapper.readTree(problemBody).path("type");
            String uri = type.asText("");
            return uri.substring(uri.lastIndexOf('/') + 1);
        } catch (Exception e) {
            return "";
        }
    }
}
