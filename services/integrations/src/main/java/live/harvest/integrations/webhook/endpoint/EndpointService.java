package live.harvest.integrations.webhook.endpoint;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.integrations.config.IntegrationsConfig;
import live.harvest.integrations.visibility.VisibilityGrant;
import live.harvest.integrations.webhook.endpoint.EndpointDtos.CreatedEndpointView;
import live.harvest.integrations.webhook.endpoint.EndpointDtos.EndpointPage;
import live.harvest.integrations.webhook.endpoint.EndpointDtos.EndpointRequest;
import live.harvest.integrations.webhook.endpoint.EndpointDtos.EndpointUpdateRequest;
import live.harvest.integrations.webhook.endpoint.EndpointDtos.EndpointView;
import live.harvest.integrations.webhook.endpoint.EndpointDtos.SecretView;
import live.harvest.integrations.webhook.signing.WebhookSecret;
import live.harvest.integrations.webhook.ssrf.RefusedUrlException;
import live.harvest.integrations.webhook.ssrf.UrlGuard;
import live.harvest.platform.event.EventTypes;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A partner's webhook endpoints: register, read, change, delete, rotate the secret; and their signing secrets. */
@ApplicationScoped
public class EndpointService {

    private static final Logger LOG = Logger.getLogger(EndpointService.class);
    /** Every domain with at least one event type: {@code orders} allows {@code orders.*}. */
    private static final Set<String> DOMAINS = domains();

    private final UrlGuard guard;
    private final IntegrationsConfig config;

    public EndpointService(UrlGuard guard, IntegrationsConfig config) {
        this.guard = guard;
        this.config = config;
    }

    public record Outcome(CreatedEndpointView view, boolean created) {
    }

    @Transactional
    public Outcome create(VisibilityGrant grant, String idempotencyKey, EndpointRequest request) {
        List<String> types = checkTypes(request.eventTypes());
        Set<String> counties = setOrNull(request.counties());
        Set<String> sites = setOrNull(request.sites());
        checkFilter(grant, counties, sites);
        String hash = hashOf(request.url(), types, counties, sites, request.description());
        if (idempotencyKey != null) {
            Optional<WebhookEndpoint> earlier = WebhookEndpoint.byIdempotencyKey(grant.partnerId(), idempotencyKey);
            if (earlier.isPresent()) {
                if (!hash.equals(earlier.get().requestHash)) {
                    throw DomainException.unprocessable("idempotency-key-reused",
                            "This Idempotency-Key was used for a different endpoint");
                }
                return new Outcome(new CreatedEndpointView(EndpointView.of(earlier.get()), null,
                        "Already created with this Idempotency-Key; the secret is not shown again (rotate it if lost)"),
                        false);
            }
        }
        checkUrl(request.url());
        Instant now = now();
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.partnerId = grant.partnerId();
        endpoint.url = request.url();
        endpoint.description = request.description();
        endpoint.eventTypes = types.toArray(String[]::new);
        endpoint.counties = arrayOrNull(counties);
        endpoint.sites = arrayOrNull(sites);
        endpoint.enabled = true;
        endpoint.idempotencyKey = idempotencyKey;
        endpoint.requestHash = idempotencyKey == null ? null : hash;
        endpoint.createdAt = now;
        endpoint.updatedAt = now;
        endpoint.persist();
        WebhookSecret secret = WebhookSecret.generate();
        EndpointSecret.issue(endpoint.id, secret, now).persist();
        return new Outcome(new CreatedEndpointView(EndpointView.of(endpoint), secret.text(), null), true);
    }

    @Transactional
    public EndpointPage list(UUID partnerId, int page, int size) {
        var query = WebhookEndpoint.<WebhookEndpoint>find("partnerId", Sort.descending("createdAt", "id"), partnerId)
                .page(page, size);
        return new EndpointPage(query.list().stream().map(EndpointView::of).toList(), page, size, query.count());
    }

    @Transactional
    public EndpointView get(UUID partnerId, UUID id) {
        return EndpointView.of(require(partnerId, id));
    }

    @Transactional
    public EndpointView update(VisibilityGrant grant, UUID id, EndpointUpdateRequest request) {
        WebhookEndpoint endpoint = require(grant.partnerId(), id);
        List<String> types = request.eventTypes() == null ? null : checkTypes(request.eventTypes());
        Set<String> counties = request.counties() == null ? setOrNull(endpoint.counties)
                : setOrNull(request.counties());
        Set<String> sites = request.sites() == null ? setOrNull(endpoint.sites) : setOrNull(request.sites());
        checkFilter(grant, counties, sites);
        if (request.url() != null) {
            checkUrl(request.url());
            endpoint.url = request.url();
        }
        if (types != null) {
            endpoint.eventTypes = types.toArray(String[]::new);
        }
        endpoint.counties = arrayOrNull(counties);
        endpoint.sites = arrayOrNull(sites);
        if (request.description() != null) {
            endpoint.description = request.description();
        }
        Instant now = now();
        if (Boolean.TRUE.equals(request.enabled())) {
            endpoint.enable(now);
        } else if (Boolean.FALSE.equals(request.enabled())) {
            endpoint.disable("disabled by the partner", now);
        }
        endpoint.updatedAt = now;
        return EndpointView.of(endpoint);
    }

    /** Deletes the endpoint with its secrets and delivery log. */
    @Transactional
    public void delete(UUID partnerId, UUID id) {
        require(partnerId, id).delete();
    }

    /**
     * A new current secret; the previous current one keeps signing (beside the new one) for the grace period, so a
     * receiver can switch without dropping a delivery.
     */
    @Transactional
    public SecretView rotateSecret(UUID partnerId, UUID id) {
        WebhookEndpoint endpoint = require(partnerId, id);
        Instant now = now();
        Instant graceEnd = now.plus(config.webhooks().secretGrace());
        for (EndpointSecret old : EndpointSecret.validAt(endpoint.id, now)) {
            if (old.expiresAt == null || old.expiresAt.isAfter(graceEnd)) {
                old.expiresAt = graceEnd;
            }
        }
        WebhookSecret secret = WebhookSecret.generate();
        EndpointSecret.issue(endpoint.id, secret, now).persist();
        endpoint.updatedAt = now;
        return new SecretView(endpoint.id, secret.text(), graceEnd);
    }

    /** The secrets that sign a delivery to the endpoint now: the current one first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookSecret> signingSecrets(UUID endpointId, Instant at) {
        return EndpointSecret.validAt(endpointId, at).stream().map(s -> WebhookSecret.parse(s.secret)).toList();
    }

    /** The partner's endpoint, or 404 (another partner's endpoint does not exist for this one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookEndpoint require(UUID partnerId, UUID id) {
        return WebhookEndpoint.ofPartner(partnerId, id).orElseThrow(() -> DomainException.notFound("Webhook endpoint",
                id));
    }

    /**
     * Turns an endpoint off because its deliveries keep failing, and tells the partner: the reason is on the
     * endpoint (GET), and a {@code webhook.endpoint-disabled} line goes to the log. Must run in a transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void disableForFailures(WebhookEndpoint endpoint, String reason, Instant at) {
        if (endpoint.enabled) {
            endpoint.disable(reason, at);
            LOG.warnf("webhook.endpoint-disabled partner=%s endpoint=%s url=%s reason=%s", endpoint.partnerId,
                    endpoint.id, endpoint.url, reason);
        }
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private void checkUrl(String url) {
        try {
            guard.check(url);
        } catch (RefusedUrlException e) {
            throw DomainException.invalid(List.of(new Problem.FieldError("url", e.getMessage())));
        }
    }

    private static List<String> checkTypes(List<String> types) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            boolean known = type.endsWith(".*") ? DOMAINS.contains(type.substring(0, type.length() - 2))
                    : EventTypes.byType(type).isPresent();
            if (!known) {
                errors.add(new Problem.FieldError("eventTypes[" + i + "]", "unknown event type or domain: " + type));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new ArrayList<>(new TreeSet<>(types));
    }

    private static void checkFilter(VisibilityGrant grant, Set<String> counties, Set<String> sites) {
        if (!grant.covers(counties, sites)) {
            throw DomainException.unprocessable("filter-outside-visibility",
                    "The counties and sites filter must lie within what the partner may see");
        }
    }

    private static Set<String> setOrNull(List<String> values) {
        return values == null || values.isEmpty() ? null : new TreeSet<>(values);
    }

    private static Set<String> setOrNull(String[] values) {
        return values == null ? null : setOrNull(List.of(values));
    }

    private static String[] arrayOrNull(Set<String> values) {
        return values == null ? null : values.toArray(String[]::new);
    }

    private static String hashOf(String url, List<String> types, Set<String> counties, Set<String> sites,
                                 String description) {
        String canonical = String.join("\n", url, String.join(",", types), String.valueOf(counties),
                String.valueOf(sites), String.valueOf(description));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> domains() {
        Set<String> domains = new TreeSet<>();
        EventTypes.ALL.forEach(c -> {
            String type = EventTypes.contractOf(c).value();
            domains.add(type.substring(0, type.indexOf('.')));
        });
        return domains;
    }
}
