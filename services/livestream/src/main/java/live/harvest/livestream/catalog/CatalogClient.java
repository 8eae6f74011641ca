package live.harvest.livestream.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.client.OidcClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import live.harvest.livestream.catalog.CatalogApi.Allocation;
import live.harvest.livestream.catalog.CatalogApi.AllocationRequest;
import live.harvest.livestream.catalog.CatalogApi.Seller;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.ServiceUnavailable;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Catalog as livestream needs it: translates catalog's answers into our own problems, so a refusal there is a
 * clear 4xx here and an outage is a 503 {@code catalog-unavailable}, never a leaked client exception.
 * <p>
 * Fault tolerance, on every call (each method has a breaker of its own): the REST client's connect (2 s) and read
 * (5 s) timeouts answer first, {@code @Timeout} bounds the whole attempt (token fetch included) just above them. After
 * repeated outages the breaker opens and calls fail at once, with the same 503, until a trial call gets through. Only
 * an outage is retried (a refusal never is, nor counted by the breaker), briefly, and only by a method that says why
 * that is safe.
 */
@ApplicationScoped
@Timeout(value = 7, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = CatalogClient.RETRY_AFTER_SECONDS,
        delayUnit = ChronoUnit.SECONDS, failOn = {ServiceUnavailable.class, TimeoutException.class})
public class CatalogClient {

    private static final Logger LOG = Logger.getLogger(CatalogClient.class);
    /** What the 503 tells the caller to wait: about the breaker's delay, after which one trial call goes through. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final CatalogApi api;
    private final ObjectMapper json;

    public CatalogClient(@RestClient CatalogApi api, ObjectMapper json) {
        this.api = api;
        this.json = json;
    }

    /**
     * The seller's profile, required to be verified; 403 {@code seller-not-verified} otherwise. A read, so retrying it
     * is safe.
     */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, maxDuration = 3, durationUnit = ChronoUnit.SECONDS,
            retryOn = {ServiceUnavailable.class, TimeoutException.class})
    @Fallback(fallbackMethod = "sellerWhileUnavailable",
            applyOn = {CircuitBreakerOpenException.class, TimeoutException.class})
    public Seller verifiedSeller(UUID sellerId) {
        Seller seller;
        try {
            seller = api.seller(sellerId);
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
     * slug. Retrying is safe because catalog's allocation is idempotent by {@code offerId}: the same offer id again
     * returns the first allocation and never takes units twice, even when the first attempt did allocate but its
     * answer was lost.
     */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, maxDuration = 3, durationUnit = ChronoUnit.SECONDS,
            retryOn = {ServiceUnavailable.class, TimeoutException.class})
    @Fallback(fallbackMethod = "allocationWhileUnavailable",
            applyOn = {CircuitBreakerOpenException.class, TimeoutException.class})
    public Allocation allocate(UUID sellerId, UUID skuId, UUID offerId, int quantity) {
        try {
            return api.allocate(skuId, new AllocationRequest(offerId, sellerId, quantity));
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

    /** The breaker is open or the last attempt timed out: the same 503 as an unreachable catalog. */
    private Seller sellerWhileUnavailable(UUID sellerId) {
        throw unavailable(null);
    }

    private Allocation allocationWhileUnavailable(UUID sellerId, UUID skuId, UUID offerId, int quantity) {
        throw unavailable(null);
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

    private static ServiceUnavailable unavailable(Exception cause) {
        if (cause == null) {
            LOG.warn("Catalog call not made or timed out: its circuit breaker is open or it did not answer in time");
        } else {
            LOG.warnf("Catalog call failed: %s", cause.getMessage());
        }
        return new ServiceUnavailable("catalog-unavailable", "Catalog could not be reached; try again shortly",
                RETRY_AFTER_SECONDS, null);
    }
}
