package live.harvest.catalog.batch;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import live.harvest.catalog.batch.BatchDtos.Batch;
import live.harvest.catalog.batch.BatchDtos.BatchRequest;
import live.harvest.catalog.batch.BatchDtos.Trace;
import live.harvest.catalog.seller.SellerAccess;
import live.harvest.platform.ratelimit.RateLimited;
import live.harvest.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Traceability", description = "Harvest batches and public trace-code lookup")
public class BatchResource {

    private final BatchService service;
    private final SellerAccess access;

    public BatchResource(BatchService service, SellerAccess access) {
        this.service = service;
        this.access = access;
    }

    @POST
    @Path("/products/{productId}/batches")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Record a harvest batch; it gets a unique trace code")
    @APIResponse(responseCode = "201", description = "Recorded; Location is its public trace",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Batch.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, e.g. village outside the product's origin")
    @APIResponse(responseCode = "403", description = "Another seller's product")
    @APIResponse(responseCode = "404", description = "Unknown product")
    public Response record(@PathParam("productId") UUID productId, @Valid @NotNull BatchRequest request) {
        Batch batch = service.record(access.actingSeller(), productId, request);
        return Response.created(URI.create("/api/v1/trace/" + batch.traceCode())).entity(batch).build();
    }

    @GET
    @Path("/products/{productId}/batches")
    @PermitAll
    @Operation(summary = "A product's harvest batches, newest first")
    @APIResponse(responseCode = "200", description = "The batches")
    @APIResponse(responseCode = "404", description = "Unknown or not visible to the caller")
    public List<Batch> ofProduct(@PathParam("productId") UUID productId) {
        return service.ofProduct(productId, access.sellerIfAny());
    }

    @RateLimited("trace")
    @GET
    @Path("/trace/{code}")
    @PermitAll
    @Operation(summary = "Where a product came from: product, seller, origin, batch and certificate (no login)")
    @APIResponse(responseCode = "200", description = "The trace")
    @APIResponse(responseCode = "400", description = "Not a trace code")
    @APIResponse(responseCode = "404", description = "Unknown trace code")
    public Trace trace(@PathParam("code") String code) {
        return service.trace(code);
    }
}
