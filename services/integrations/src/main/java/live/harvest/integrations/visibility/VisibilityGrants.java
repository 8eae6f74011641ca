package live.harvest.integrations.visibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.integrations.partner.Partner;
import live.harvest.integrations.partner.PartnerStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The grants of ACTIVE partners, read fresh from the database (a change of visibility applies at once). */
@ApplicationScoped
public class VisibilityGrants {

    /** The grant of an ACTIVE partner; empty for an unknown or disabled one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<VisibilityGrant> of(UUID partnerId) {
        return Partner.<Partner>findByIdOptional(partnerId)
                .filter(p -> p.status == PartnerStatus.ACTIVE)
                .map(p -> grantOf(p, PartnerVisibility.findById(p.id)));
    }

    /** The grant of the ACTIVE partner whose OAuth2 client this is. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<VisibilityGrant> ofClient(String clientId) {
        return Partner.<Partner>find("clientId", clientId).firstResultOptional()
                .filter(p -> p.status == PartnerStatus.ACTIVE)
                .map(p -> grantOf(p, PartnerVisibility.findById(p.id)));
    }

    /** Every ACTIVE partner's grant. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VisibilityGrant> active() {
        List<Partner> partners = Partner.list("status", PartnerStatus.ACTIVE);
        Map<UUID, PartnerVisibility> visibility = PartnerVisibility.<PartnerVisibility>listAll().stream()
                .collect(Collectors.toMap(v -> v.partnerId, Function.identity()));
        return partners.stream().map(p -> grantOf(p, visibility.get(p.id))).toList();
    }

    static VisibilityGrant grantOf(Partner partner, PartnerVisibility visibility) {
        return visibility == null
                ? new VisibilityGrant(partner.id, partner.kind, partner.scopes, Set.of(), Set.of(), null)
                : new VisibilityGrant(partner.id, partner.kind, partner.scopes, visibility.counties, visibility.sites,
                        visibility.paymentPartnerId);
    }
}
