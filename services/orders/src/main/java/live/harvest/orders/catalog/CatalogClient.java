package live.harvest.orders.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.client.OidcClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.ServiceUnavailable;
import live.harvest.platform.value.ListingSnapshot;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * How the buy path reaches catalog's stock of regular listings (ADR 0004): as the orders service itself (see
 * {@link CatalogApi}), translating catalog's answers into a {@link ListingSnapshot} or orders' own problems.
 * <p>
 * Every call has a timeout and a circuit breaker, and is retried only because catalog makes it idempotent. Catalog's
 * refusals (4xx) are {@link DomainException}s: never retried, never counted against catalog by the breaker, and passed
 * to the buyer as they are. Catalog unreachable, failing or behind an open breaker is 503 {@code catalog-unavailable},
 * which frees the buyer's Idempotency-Key for a retry.
 */
@ApplicationScoped
public class CatalogClient {

    private static final Logger LOG = Logger.getLogger(CatalogClient.class);
    /** How long an open breaker refuses calls before it lets one through; also the Retry-After it answers with. */
    private static final int BREAKER_DELAY_SECONDS = 5;

    /** No usable answer (unreachable, 5xx, an unreadable body): worth another try, and a failure to the breaker. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    private final CatalogApi api;
    private final ObjectMapper mapper;

    public CatalogClient(@RestClient CatalogApi api, ObjectMapper mapper) {
        this.api = api;
        this.mapper = mapper;
    }

    /**
     * Reserves units for the buyer's order and answers what they are, priced by catalog.
     * <p>
     * Retried because catalog keeps one reservation per (orderId, skuId) and answers a repeat with the first one,
     * counting no cap again (catalog's ReservationService): a retry after a lost answer cannot reserve twice. Each try
     * gets the 5 s read timeout of today; no new try starts after 8 s, so the buyer hears back before a concurrent
     * request with the same Idempotency-Key stops waiting for this one (15 s).
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, maxDuration = 8, durationUnit = ChronoUnit.SECONDS,
            retryOn = {Unavailable.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = BREAKER_DELAY_SECONDS,
            delayUnit = ChronoUnit.SECONDS, skipOn = DomainException.class)
    @Fallback(fallbackMethod = "reserveUnavailable", skipOn = DomainException.class)
    public ListingSnapshot reserve(UUID orderId, UUID buyerId, UUID skuId, int quantity) {
        try (Response response = api.reserve(new CatalogApi.ReservationRequest(orderId, buyerId, skuId, quantity))) {
            String body = response.readEntity(String.class);
            int status = response.getStatus();
            if (status == 200 || status == 201) {
                return snapshotOf(mapper.readValue(body, CatalogApi.Reservation.class));
            }
            if (status >= 500) {
                throw new Unavailable("HTTP " + status + " reserving SKU " + skuId, null);
            }
            throw refusal(status, problemOf(body), skuId);
        } catch (ProcessingException | OidcClientException | IOException e) {
            throw new Unavailable(e.getMessage(), e);
        }
    }

    ListingSnapshot reserveUnavailable(UUID orderId, UUID buyerId, UUID skuId, int quantity, Exception failure) {
        LOG.warnf("Catalog unavailable while reserving %s for order %s: %s", skuId, orderId, failure.toString());
        throw unavailable(failure);
    }

    /**
     * Gives back every unit reserved for the order (compensation when the order could not be written). Never throws:
     * a reservation left behind expires at catalog (ADR 0016). Retried because a withdrawal of the same orderId again
     * changes nothing at catalog, and 404 (nothing reserved) is as good as done.
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {Unavailable.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = BREAKER_DELAY_SECONDS,
            delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "releaseUnavailable")
    public void release(UUID orderId) {
        try (Response response = api.release(orderId)) {
            int status = response.getStatus();
            if (status >= 500) {
                throw new Unavailable("HTTP " + status + " releasing order " + orderId, null);
            }
            if (status >= 300 && status != 404) {
                LOG.errorf("Catalog refused to release reservation of order %s: HTTP %d", orderId, status);
            }
        } catch (ProcessingException | OidcClientException e) {
            throw new Unavailable(e.getMessage(), e);
        }
    }

    void releaseUnavailable(UUID orderId, Exception failure) {
        LOG.errorf("Catalog unreachable; reservation of order %s not released: %s", orderId, failure.toString());
    }

    private static ListingSnapshot snapshotOf(CatalogApi.Reservation r) {
        TemperatureClass temperature = r.temperatureClass() == null ? TemperatureClass.AMBIENT : r.temperatureClass();
        return new ListingSnapshot(r.sellerId(), r.sellerCountyCode(), r.productId(), r.skuId(), r.title(), r.spec(),
                r.unitPriceFen(), r.currency(), temperature, r.traceCode());
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
        // Any other refusal (401, 403, an unknown 409) is no verdict on the buyer's order, and no retry would change it
        LOG.warnf("Catalog answered HTTP %d (%s) for SKU %s", status, slug, skuId);
        return unavailable(null);
    }

    private static DomainException unavailable(Throwable cause) {
        int retryAfter = cause instanceof CircuitBreakerOpenException ? BREAKER_DELAY_SECONDS : 1;
        return new ServiceUnavailable("catalog-unavailable",
                "Stock of regular listings cannot be reserved right now; retry with the same Idempotency-Key",
                retryAfter, cause);
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
