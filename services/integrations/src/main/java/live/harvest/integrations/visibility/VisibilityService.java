package live.harvest.integrations.visibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.integrations.partner.Partner;
import live.harvest.integrations.partner.PartnerKind;
import live.harvest.integrations.visibility.VisibilityDtos.VisibilityRequest;
import live.harvest.integrations.visibility.VisibilityDtos.VisibilityView;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/** Sets and reads what a partner may see. A set replaces the whole grant (PUT semantics). */
@ApplicationScoped
public class VisibilityService {

    @Transactional
    public VisibilityView get(UUID partnerId) {
        Partner partner = require(partnerId);
        return viewOf(partner, PartnerVisibility.findById(partnerId));
    }

    @Transactional
    public VisibilityView set(UUID partnerId, VisibilityRequest request) {
        Partner partner = require(partnerId);
        if (request.paymentPartnerId() != null && partner.kind != PartnerKind.PAYMENT_PROVIDER) {
            throw DomainException.invalid(List.of(new Problem.FieldError("paymentPartnerId",
                    "only a PAYMENT_PROVIDER partner has a payment partner id; this one is " + partner.kind)));
        }
        PartnerVisibility visibility = PartnerVisibility.findById(partnerId);
        if (visibility == null) {
            visibility = new PartnerVisibility();
            visibility.partnerId = partnerId;
        }
        visibility.counties.clear();
        visibility.counties.addAll(request.counties());
        visibility.sites.clear();
        visibility.sites.addAll(request.sites());
        visibility.paymentPartnerId = request.paymentPartnerId();
        visibility.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        visibility.persist();
        return viewOf(partner, visibility);
    }

    private static VisibilityView viewOf(Partner partner, PartnerVisibility v) {
        return v == null
                ? new VisibilityView(partner.id, partner.kind, List.of(), List.of(), null, null)
                : new VisibilityView(partner.id, partner.kind, List.copyOf(new TreeSet<>(v.counties)),
                        List.copyOf(new TreeSet<>(v.sites)), v.paymentPartnerId, v.updatedAt);
    }

    private static Partner require(UUID id) {
        return Partner.<Partner>findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Partner", id));
    }
}
