package live.harvest.integrations.partner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.integrations.identity.ClientRegistry;
import live.harvest.integrations.identity.ClientRegistry.IssuedClient;
import live.harvest.integrations.partner.PartnerDtos.PartnerRequest;
import live.harvest.integrations.partner.PartnerDtos.PartnerView;
import live.harvest.integrations.partner.PartnerDtos.RegisteredPartner;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem;
import live.harvest.platform.security.Scopes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Registers a partner: a Keycloak client first (it yields the secret), then our record. If the record cannot be
 * stored the client is deleted again (compensation), so a failed registration leaves nothing behind. An
 * Idempotency-Key makes retries safe: the same key and body find the partner already registered.
 */
@ApplicationScoped
public class PartnerRegistration {

    /** A registration's outcome: {@code created} is false for a retry that found its partner. */
    public record Outcome(boolean created, RegisteredPartner partner) {
    }

    static final String REPLAY_NOTE = "Already registered with this Idempotency-Key; the client secret was only in "
            + "the first response. If it was lost, rotate it: POST /api/v1/partners/{id}/secret";
    private static final int SLUG_MAX = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClientRegistry clients;

    public PartnerRegistration(ClientRegistry clients) {
        this.clients = clients;
    }

    public Outcome register(String idempotencyKey, PartnerRequest request) {
        List<String> scopes = knownScopes(request.scopes());
        String name = request.name().strip();
        String email = request.contactEmail() == null || request.contactEmail().isBlank()
                ? null : request.contactEmail().strip();
        String hash = hashOf(name, request.kind(), scopes, email);
        if (idempotencyKey != null) {
            Optional<Outcome> earlier = replay(idempotencyKey, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }

        String clientId = clientIdFor(name);
        IssuedClient client = clients.createPartnerClient(clientId, name,
                "Harvest Live partner (" + request.kind() + "), registered by integrations", scopes);
        PartnerView stored;
        try {
            stored = QuarkusTransaction.requiringNew().call(() -> store(client, name, request.kind(), scopes, email,
                    idempotencyKey, hash));
        } catch (RuntimeException e) {
            clients.deleteQuietly(client.internalId(), client.clientId());
            if (idempotencyKey != null) {
                // A concurrent retry with the same key won the race: answer as a retry.
                Optional<Outcome> winner;
                try {
                    winner = replay(idempotencyKey, hash);
                } catch (DomainException refused) {
                    throw refused;
                } catch (RuntimeException lookupFailed) {
                    e.addSuppressed(lookupFailed);
                    throw e;
                }
                if (winner.isPresent()) {
                    return winner.get();
                }
            }
            throw e;
        }
        return new Outcome(true, RegisteredPartner.of(stored, client.secret(), null));
    }

    private static PartnerView store(IssuedClient client, String name, PartnerKind kind, List<String> scopes,
                                     String email, String idempotencyKey, String hash) {
        Instant now = Partner.now();
        Partner partner = new Partner();
        partner.id = UUID.randomUUID();
        partner.clientId = client.clientId();
        partner.keycloakId = client.internalId();
        partner.name = name;
        partner.kind = kind;
        partner.scopes = new TreeSet<>(scopes);
        partner.contactEmail = email;
        partner.status = PartnerStatus.ACTIVE;
        partner.idempotencyKey = idempotencyKey;
        partner.requestHash = idempotencyKey == null ? null : hash;
        partner.secretIssuedAt = now;
        partner.createdAt = now;
        partner.updatedAt = now;
        partner.persistAndFlush();
        return PartnerView.of(partner);
    }

    private static Optional<Outcome> replay(String idempotencyKey, String hash) {
        return QuarkusTransaction.requiringNew().call(() -> Partner.byIdempotencyKey(idempotencyKey).map(earlier -> {
            if (!hash.equals(earlier.requestHash)) {
                throw DomainException.unprocessable("idempotency-key-reused",
                        "Idempotency-Key '" + idempotencyKey + "' was already used with a different request body");
            }
            return new Outcome(false, RegisteredPartner.of(PartnerView.of(earlier), null, REPLAY_NOTE));
        }));
    }

    /** The requested scopes, deduplicated and sorted; 400 listing every one that is not a partner API scope. */
    static List<String> knownScopes(List<String> requested) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!Scopes.ALL.contains(requested.get(i))) {
                errors.add(new Problem.FieldError("scopes[" + i + "]",
                        "unknown scope; known: " + String.join(" ", Scopes.ALL)));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return List.copyOf(new TreeSet<>(requested));
    }

    /** {@code partner-<slug of the name>-<6 random hex digits>}, e.g. {@code partner-acme-pay-3f9c2a}. */
    static String clientIdFor(String name) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > SLUG_MAX) {
            slug = slug.substring(0, SLUG_MAX).replaceAll("-+$", "");
        }
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return "partner-" + (slug.isEmpty() ? "" : slug + "-") + HexFormat.of().formatHex(suffix);
    }

    private static String hashOf(String name, PartnerKind kind, List<String> scopes, String email) {
        String canonical = String.join("\n", name, kind.name(), String.join(" ", scopes), email == null ? "" : email);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
