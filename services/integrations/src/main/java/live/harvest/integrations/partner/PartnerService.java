package live.harvest.integrations.partner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.integrations.identity.ClientRegistry;
import live.harvest.integrations.partner.PartnerDtos.PartnerPage;
import live.harvest.integrations.partner.PartnerDtos.PartnerSecret;
import live.harvest.integrations.partner.PartnerDtos.PartnerView;
import live.harvest.platform.problem.DomainException;

import java.time.Instant;
import java.util.UUID;

/**
 * Reads partners and changes their credentials. Keycloak is called outside any database transaction and first:
 * a partner is only marked DISABLED once its client can no longer get tokens.
 */
@ApplicationScoped
public class PartnerService {

    private final ClientRegistry clients;

    public PartnerService(ClientRegistry clients) {
        this.clients = clients;
    }

    @Transactional
    public PartnerView get(UUID id) {
        return PartnerView.of(require(id));
    }

    @Transactional
    public PartnerPage list(int page, int size) {
        var query = Partner.<Partner>findAll(Sort.descending("createdAt", "id")).page(page, size);
        return new PartnerPage(query.list().stream().map(PartnerView::of).toList(), page, size, query.count());
    }

    /** A new client secret; the old one is refused by Keycloak from now on. */
    public PartnerSecret rotateSecret(UUID id) {
        Partner partner = QuarkusTransaction.requiringNew().call(() -> require(id));
        String secret = clients.rotateSecret(partner.keycloakId, partner.clientId);
        Instant now = Partner.now();
        QuarkusTransaction.requiringNew().run(() -> {
            Partner current = require(id);
            current.secretIssuedAt = now;
            current.updatedAt = now;
        });
        return new PartnerSecret(partner.id, partner.clientId, secret, now);
    }

    /** Disables the client (no new tokens), then records it; repeating it changes nothing. */
    public PartnerView disable(UUID id) {
        return setStatus(id, PartnerStatus.DISABLED);
    }

    public PartnerView enable(UUID id) {
        return setStatus(id, PartnerStatus.ACTIVE);
    }

    private PartnerView setStatus(UUID id, PartnerStatus status) {
        Partner partner = QuarkusTransaction.requiringNew().call(() -> require(id));
        clients.setEnabled(partner.keycloakId, partner.clientId, status == PartnerStatus.ACTIVE);
        return QuarkusTransaction.requiringNew().call(() -> {
            Partner current = require(id);
            current.moveTo(status, Partner.now());
            return PartnerView.of(current);
        });
    }

    static Partner require(UUID id) {
        return Partner.<Partner>findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Partner", id));
    }
}
