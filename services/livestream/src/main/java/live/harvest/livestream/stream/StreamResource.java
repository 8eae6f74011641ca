package live.harvest.livestream.stream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import live.harvest.livestream.stream.StreamDtos.CancelStreamRequest;
import live.harvest.livestream.stream.StreamDtos.ScheduleStreamRequest;
import live.harvest.livestream.stream.StreamDtos.StreamView;
import live.harvest.platform.input.Paging;
import live.harvest.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/streams")
@Tag(name = "Streams")
@Produces(MediaType.APPLICATION_JSON)
public class StreamResource {

    /** Discovery filter values; "upcoming" means scheduled and not yet live. */
    public enum Listing { live, upcoming }

    private final StreamService streams;

    public StreamResource(StreamService streams) {
        this.streams = streams;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Schedule a stream (verified sellers only)")
    @APIResponse(responseCode = "201", description = "Scheduled",
            content = @Content(schema = @Schema(implementation = StreamView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Seller not verified by catalog")
    @APIResponse(responseCode = "503", description = "Catalog unavailable")
    public RestResponse<StreamView> schedule(@Valid @NotNull ScheduleStreamRequest request) {
        StreamView stream = streams.schedule(request);
        return RestResponse.ResponseBuilder.<StreamView>created(URI.create("/api/v1/streams/" + stream.id()))
                .entity(stream).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "Discover live or upcoming streams")
    @APIResponse(responseCode = "200", description = "Matching streams, live ones newest first, upcoming soonest first")
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public List<StreamView> discover(
            @QueryParam("status") @DefaultValue("live") Listing status,
            @Parameter(description = "Region-code prefix of the seller's home county: province (2 digits), city (4) "
                    + "or county (6)")
            @QueryParam("region") @Pattern(regexp = StreamDtos.REGION_PREFIX_PATTERN) String region,
            @Parameter(description = "Taxonomy slug, e.g. tea")
            @QueryParam("category") @Pattern(regexp = StreamDtos.CATEGORY_PATTERN) String category,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return streams.discover(status == Listing.live ? StreamStatus.LIVE : StreamStatus.SCHEDULED, region,
                category, page, size);
    }

    @GET
    @Path("/{streamId}")
    @PermitAll
    @Operation(summary = "One stream")
    @APIResponse(responseCode = "200", description = "The stream")
    @APIResponse(responseCode = "404", description = "Unknown stream")
    public StreamView get(@PathParam("streamId") UUID streamId) {
        return streams.get(streamId);
    }

    @POST
    @Path("/{streamId}/start")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Go live (owner only; one live stream per seller)")
    @APIResponse(responseCode = "200", description = "Live")
    @APIResponse(responseCode = "403", description = "Not the owner")
    @APIResponse(responseCode = "404", description = "Unknown stream")
    @APIResponse(responseCode = "409", description = "Not scheduled, or the seller is already live")
    public StreamView start(@PathParam("streamId") UUID streamId) {
        return streams.start(streamId);
    }

    @POST
    @Path("/{streamId}/end")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "End a live stream; closes its open offers")
    @APIResponse(responseCode = "200", description = "Ended")
    @APIResponse(responseCode = "403", description = "Not the owner")
    @APIResponse(responseCode = "404", description = "Unknown stream")
    @APIResponse(responseCode = "409", description = "The stream is not live")
    public StreamView end(@PathParam("streamId") UUID streamId) {
        return streams.end(streamId);
    }

    @POST
    @Path("/{streamId}/cancel")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Cancel a stream that has not gone live")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "403", description = "Not the owner")
    @APIResponse(responseCode = "404", description = "Unknown stream")
    @APIResponse(responseCode = "409", description = "Already live, ended or cancelled")
    public StreamView cancel(@PathParam("streamId") UUID streamId, @Valid CancelStreamRequest request) {
        return streams.cancel(streamId, request == null ? null : request.reason());
    }
}
