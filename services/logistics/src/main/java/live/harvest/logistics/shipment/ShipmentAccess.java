package live.harvest.logistics.shipment;

import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.security.Caller;
import live.harvest.platform.security.Roles;

import java.util.Collections;
import java.util.Set;
import java.util.UUID;

/**
 * Who may see and act on which parcel. Operators see parcels routed through one of their sites (the
 * {@code sites} claim) and act only at those sites; partners read with scope {@code shipments:read}; a
 * consumer reads only their own order's parcel; admins everything. A parcel the caller may not see is
 * reported as not found, so its existence does not leak.
 */
@ApplicationScoped
public class ShipmentAccess {

    private final Caller caller;
    private final ShipmentRepository shipments;

    public ShipmentAccess(Caller caller, ShipmentRepository shipments) {
        this.caller = caller;
        this.shipments = shipments;
    }

    /** A parcel an operator (or admin) may work on; other operators get 404. */
    public Shipment forOperator(Shipment shipment) {
        if (shipment == null || !(caller.is(Roles.ADMIN) || operatorSees(shipment))) {
            throw DomainException.notFound("Shipment", shipment == null ? "" : shipment.id);
        }
        return shipment;
    }

    public Shipment forOperator(UUID shipmentId) {
        return forOperator(shipments.findByIdOptional(shipmentId)
                .orElseThrow(() -> DomainException.notFound("Shipment", shipmentId)));
    }

    /**
     * Read access for any role that may track a parcel. Partners read every parcel: their scope
     * ({@code shipments:read}) is declared on the endpoints and checked by the platform's PartnerScopeFilter.
     */
    public Shipment forReader(Shipment shipment, Object askedFor) {
        if (shipment == null) {
            throw DomainException.notFound("Shipment for", askedFor);
        }
        if (caller.is(Roles.ADMIN) || operatorSees(shipment) || isBuyer(shipment)) {
            return shipment;
        }
        if (caller.is(Roles.PARTNER)) {
            return shipment;
        }
        throw DomainException.notFound("Shipment for", askedFor);
    }

    public boolean isBuyer(Shipment shipment) {
        return caller.is(Roles.CONSUMER) && shipment.buyerId.equals(caller.id());
    }

    public boolean isPartner() {
        return caller.is(Roles.PARTNER) && !caller.is(Roles.ADMIN);
    }

    /** The caller works at {@code siteCode} (or is an admin); 403 otherwise. */
    public void requireSite(String siteCode) {
        if (!worksAt(siteCode)) {
            throw DomainException.forbidden("You do not work at site " + siteCode);
        }
    }

    public boolean worksAt(String siteCode) {
        return caller.is(Roles.ADMIN) || (caller.is(Roles.OPERATOR) && siteCode != null && sites().contains(siteCode));
    }

    public boolean isAdmin() {
        return caller.is(Roles.ADMIN);
    }

    public UUID callerId() {
        return caller.id();
    }

    private boolean operatorSees(Shipment shipment) {
        return caller.is(Roles.OPERATOR) && !Collections.disjoint(sites(), shipment.sites());
    }

    private Set<String> sites() {
        return caller.sites();
    }
}
