package live.harvest.platform.consumer;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import live.harvest.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every service's operator endpoint for its dead letters (ADR 0010). It is the platform's, identical everywhere,
 * and published in every service's OpenAPI document like any other admin endpoint.
 */
@Path("/api/v1/admin/dead-letters")
public class DeadLetterResource {

    /**
     * @param topic      replay only records that came from this topic (optional)
     * @param partition  only this partition of the dead-letter topic (optional: all)
     * @param fromOffset first dead-letter offset to look at, on each partition read (optional: from the beginning)
     * @param max        most records to re-publish, 1..1000
     */
    public record ReplayRequest(String topic, @PositiveOrZero Integer partition, @PositiveOrZero Long fromOffset,
                                @NotNull @Min(1) @Max(1000) Integer max) {
    }

    private final DeadLetterReplay replay;

    public DeadLetterResource(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @POST
    @Path("/replay")
    @RolesAllowed(Roles.ADMIN)
    @Blocking
    @Tag(name = "Operations", description = "Platform operations, the same in every service")
    @Operation(summary = "Re-publish dead-lettered records of this service to their original topic (admin)",
            description = "Reads harvest.dlq.<service> (optionally one partition, from an offset, only records that "
                    + "came from one topic) and re-publishes at most max records with their headers; consumers' "
                    + "inboxes make a replayed event that was already applied harmless.")
    @APIResponse(responseCode = "200", description = "How many were scanned and replayed, and where to go on")
    @APIResponse(responseCode = "400", description = "Invalid fields (max 1..1000)")
    public DeadLetterReplay.Result replay(@Valid @NotNull ReplayRequest request) {
        return replay.replay(request.topic(), request.partition(), request.fromOffset(), request.max());
    }
}
