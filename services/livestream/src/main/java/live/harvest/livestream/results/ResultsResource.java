package live.harvest.livestream.results;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import live.harvest.livestream.results.ResultsDtos.StreamResultsView;
import live.harvest.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/streams/{streamId}/results")
@Tag(name = "Results")
@Produces(MediaType.APPLICATION_JSON)
public class ResultsResource {

    private final ResultsService results;

    public ResultsResource(ResultsService results) {
        this.results = results;
    }

    @GET
    @RolesAllowed({Roles.SELLER, Roles.ADMIN})
    @Operation(summary = "Sales results of a stream and its offers (owner or admin)",
            description = "Orders, units and GMV built from order events; cancelled, expired and refunded orders "
                    + "are netted out and counted separately.")
    @APIResponse(responseCode = "200", description = "The results")
    @APIResponse(responseCode = "403", description = "Not the owner")
    @APIResponse(responseCode = "404", description = "Unknown stream")
    public StreamResultsView results(@PathParam("streamId") UUID streamId) {
        return results.of(streamId);
    }
}
