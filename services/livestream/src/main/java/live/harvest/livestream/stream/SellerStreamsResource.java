package live.harvest.livestream.stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import live.harvest.livestream.stream.StreamDtos.StreamView;
import live.harvest.platform.input.Paging;
import live.harvest.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/sellers/me/streams")
@Tag(name = "Streams")
@Produces(MediaType.APPLICATION_JSON)
public class SellerStreamsResource {

    private final StreamService streams;

    public SellerStreamsResource(StreamService streams) {
        this.streams = streams;
    }

    @GET
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "The calling seller's streams, newest first (with counters once ended)")
    public List<StreamView> mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return streams.mine(page, size);
    }
}
