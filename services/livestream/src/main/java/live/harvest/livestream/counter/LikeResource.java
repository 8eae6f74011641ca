package live.harvest.livestream.counter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import live.harvest.platform.ratelimit.RateLimited;
import live.harvest.livestream.counter.LikeDtos.LikesView;
import live.harvest.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/streams/{streamId}/likes")
@Tag(name = "Live feed")
@Produces(MediaType.APPLICATION_JSON)
public class LikeResource {

    private final LikeService likes;

    public LikeResource(LikeService likes) {
        this.likes = likes;
    }

    @RateLimited("likes")
    @POST
    @RolesAllowed(Roles.CONSUMER)
    @Operation(summary = "Like a live stream",
            description = "A like counts once per signed-in viewer per stream. Liking again changes nothing and "
                    + "answers 200 with `counted: false`; there is no unlike.")
    @APIResponse(responseCode = "200", description = "The stream's like count, and whether this call counted")
    @APIResponse(responseCode = "404", description = "Unknown stream")
    @APIResponse(responseCode = "409", description = "The stream is not live")
    public LikesView like(@PathParam("streamId") UUID streamId) {
        return likes.like(streamId);
    }
}
