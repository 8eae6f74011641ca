package live.harvest.testkit.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDelivered;
import live.harvest.platform.input.FreeText;
import live.harvest.platform.outbox.Outbox;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.security.Caller;
import live.harvest.platform.security.Roles;

import java.time.Instant;
import java.util.UUID;

/** Endpoints that exist only in the platform's test application. */
@Path("/probe")
public class ProbeResource {

    public record ProbeRequest(@NotBlank String name, @Min(1) int quantity, @FreeText String note) {
    }

    private final Outbox outbox;
    private final Caller caller;

    public ProbeResource(Outbox outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
    }

    @GET
    @Path("/admin-only")
    @RolesAllowed(Roles.ADMIN)
    public String adminOnly() {
        return caller.id().toString();
    }

    @GET
    @Path("/public/am-i-admin")
    @jakarta.annotation.security.PermitAll
    public String amIAdmin() {
        return String.valueOf(caller.is(Roles.ADMIN));
    }

    @GET
    @Path("/public/acting-seller")
    @jakarta.annotation.security.PermitAll
    public String actingSeller() {
        return caller.sellerId().map(UUID::toString).orElse("none");
    }

    @POST
    @Path("/validated")
    @RolesAllowed(Roles.ADMIN)
    public String validated(@Valid ProbeRequest request) {
        return request.name();
    }

    @GET
    @Path("/page")
    @RolesAllowed(Roles.ADMIN)
    public String page(@jakarta.ws.rs.QueryParam("page") @jakarta.ws.rs.DefaultValue("0") @Min(0) int page) {
        return Integer.toString(page);
    }

    @GET
    @Path("/conflict/{what}")
    @RolesAllowed(Roles.ADMIN)
    public String conflict(@PathParam("what") String what) {
        throw DomainException.conflict("probe-conflict", "Cannot " + what);
    }

    /** A 201, with or without the Location every 201 must carry (CreatedCarriesLocationTest). */
    @GET
    @Path("/public/created/{located}")
    @jakarta.annotation.security.PermitAll
    public jakarta.ws.rs.core.Response created(@PathParam("located") boolean located) {
        jakarta.ws.rs.core.Response.ResponseBuilder response = jakarta.ws.rs.core.Response.status(201).entity("made");
        return (located ? response.location(java.net.URI.create("/probe/made")) : response).build();
    }

    /** Writes a delivered-shipment event through the outbox, then optionally fails to roll it back. */
    @POST
    @Path("/publish/{shipmentId}/{fail}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public String publish(@PathParam("shipmentId") UUID shipmentId, @PathParam("fail") boolean fail) {
        outbox.publish(new ShipmentDelivered(shipmentId, UUID.randomUUID(), "probe", "proof", Instant.now()));
        if (fail) {
            throw DomainException.conflict("probe-rollback", "Rolled back on purpose");
        }
        return shipmentId.toString();
    }

    /** Fails the way a rush fails (no pooled connection in time: "pool") or the way a defect does (anything else). */
    @GET
    @Path("/failing/{kind}")
    @RolesAllowed(Roles.ADMIN)
    public String failing(@PathParam("kind") String kind) {
        throw kind.equals("pool")
                ? new IllegalStateException("Unable to acquire JDBC Connection",
                        new java.sql.SQLException("Sorry, acquisition timeout!"))
                : new IllegalStateException("a defect");
    }
}
