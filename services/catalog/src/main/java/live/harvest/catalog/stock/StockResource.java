package live.harvest.catalog.stock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import live.harvest.catalog.stock.StockDtos.Allocation;
import live.harvest.catalog.stock.StockDtos.AllocationRequest;
import live.harvest.catalog.stock.StockDtos.Ledger;
import live.harvest.catalog.stock.StockDtos.Movement;
import live.harvest.catalog.stock.StockDtos.MovementRequest;
import live.harvest.catalog.stock.StockDtos.Reservation;
import live.harvest.catalog.stock.StockDtos.ReservationRequest;
import live.harvest.catalog.seller.SellerAccess;
import live.harvest.platform.input.Paging;
import live.harvest.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Stock", description = "The stock ledger of record: movements, allocations to offers, reservations")
public class StockResource {

    private final LedgerService ledger;
    private final AllocationService allocations;
    private final ReservationService reservations;
    private final SellerAccess access;

    public StockResource(LedgerService ledger, AllocationService allocations, ReservationService reservations,
                         SellerAccess access) {
        this.ledger = ledger;
        this.allocations = allocations;
        this.reservations = reservations;
        this.access = access;
    }

    @POST
    @Path("/skus/{skuId}/stock-movements")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Record a RESTOCK or a manual ADJUSTMENT (owner only)")
    @APIResponse(responseCode = "201", description = "Recorded; Location is the SKU's ledger, which lists it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Movement.class)))
    @APIResponse(responseCode = "400", description = "Bad kind, delta or missing reason")
    @APIResponse(responseCode = "403", description = "Another seller's SKU")
    @APIResponse(responseCode = "404", description = "Unknown SKU")
    @APIResponse(responseCode = "409", description = "insufficient-stock: on-hand would go negative")
    public Response record(@PathParam("skuId") UUID skuId, @Valid @NotNull MovementRequest request) {
        return Response.created(URI.create("/api/v1/skus/" + skuId + "/ledger"))
                .entity(ledger.record(access.actingSeller(), skuId, request)).build();
    }

    @GET
    @Path("/skus/{skuId}/ledger")
    @RolesAllowed({Roles.SELLER, Roles.ADMIN})
    @Operation(summary = "A SKU's stock ledger, oldest movement first (owner or admin)")
    @APIResponse(responseCode = "200", description = "The ledger")
    @APIResponse(responseCode = "403", description = "Another seller's SKU")
    @APIResponse(responseCode = "404", description = "Unknown SKU")
    public Ledger ledger(@PathParam("skuId") UUID skuId,
                         @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        boolean admin = access.isAdmin();
        return ledger.read(skuId, admin ? null : access.actingSeller(), admin, page, size);
    }

    @POST
    @Path("/skus/{skuId}/allocations")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Internal (livestream): allocate units to a live-stream offer for the SKU's seller "
            + "(idempotent per offerId)")
    @APIResponse(responseCode = "200", description = "Already allocated to this offer: the same answer again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Allocation.class)))
    @APIResponse(responseCode = "201", description = "Allocated; Location is the SKU's ledger, which lists it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Allocation.class)))
    @APIResponse(responseCode = "403", description = "Not a service, or the SKU is not the named seller's")
    @APIResponse(responseCode = "404", description = "Unknown SKU")
    @APIResponse(responseCode = "409", description = "insufficient-stock, product-not-active or offer-already-allocated")
    public Response allocate(@PathParam("skuId") UUID skuId, @Valid @NotNull AllocationRequest request) {
        AllocationService.Result result = allocations.allocate(request.sellerId(), skuId, request);
        return Response.status(result.created() ? 201 : 200)
                .location(URI.create("/api/v1/skus/" + skuId + "/ledger")).entity(result.allocation()).build();
    }

    @POST
    @Path("/stock/reservations")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Internal (orders): reserve units for a regular-listing order "
            + "(idempotent per orderId and skuId)")
    @APIResponse(responseCode = "200", description = "Already reserved: the same answer again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Reservation.class)))
    @APIResponse(responseCode = "201", description = "Reserved; Location is the order's reservation",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Reservation.class)))
    @APIResponse(responseCode = "403", description = "Not a service, or the order is another buyer's")
    @APIResponse(responseCode = "404", description = "Unknown SKU")
    @APIResponse(responseCode = "409", description = "insufficient-stock, product-not-active, reservation-mismatch, "
            + "or buyer-cap-reached: the buyer's open units of this SKU would pass its per-buyer cap")
    @APIResponse(responseCode = "422", description = "quantity-above-cap: more than the SKU's per-order cap")
    public Response reserve(@Valid @NotNull ReservationRequest request) {
        ReservationService.Result result = reservations.reserve(request.buyerId(), request);
        return Response.status(result.created() ? 201 : 200)
                .location(URI.create("/api/v1/stock/reservations/" + request.orderId()))
                .entity(result.reservation()).build();
    }

    @DELETE
    @Path("/stock/reservations/{orderId}")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Internal (orders): give back the units of an order that could not be written "
            + "(compensation; repeating it is harmless)")
    @APIResponse(responseCode = "204", description = "Given back")
    @APIResponse(responseCode = "403", description = "Not a service")
    @APIResponse(responseCode = "404", description = "No reservation for this order")
    @APIResponse(responseCode = "409", description = "reservation-held-by-order: the order exists and still holds "
            + "the units (they return when it is cancelled or expires)")
    public void withdraw(@PathParam("orderId") UUID orderId) {
        reservations.withdraw(orderId);
    }
}
