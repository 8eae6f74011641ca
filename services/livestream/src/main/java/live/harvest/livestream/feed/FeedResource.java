package live.harvest.livestream.feed;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import live.harvest.platform.ratelimit.RateLimited;
import live.harvest.livestream.config.LivestreamConfig;
import live.harvest.platform.problem.DomainException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/streams/{streamId}/feed")
@Tag(name = "Live feed")
public class FeedResource {

    private final FeedService feeds;
    private final SecurityIdentity identity;
    private final LivestreamConfig config;
    private final AnonymousViewerIds anonymousIds;

    public FeedResource(FeedService feeds, SecurityIdentity identity, LivestreamConfig config,
                        AnonymousViewerIds anonymousIds) {
        this.feeds = feeds;
        this.identity = identity;
        this.config = config;
        this.anonymousIds = anonymousIds;
    }

    @RateLimited("feed")
    @GET
    @PermitAll
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live feed of a stream (server-sent events)",
            description = "Starts with a `snapshot` event (open offers with remaining stock, pinned offer, viewers, "
                    + "likes, and `viewerId`: the anonymous viewer id to present next time), then offer-pinned, offer-updated, stock, sold-out, offer-closed, stream-ended, "
                    + "viewers and likes events. Event ids increase per stream; reconnect with Last-Event-ID to "
                    + "get a fresh snapshot. Stock, viewers and likes are coalesced to at most ~4 a second.")
    @APIResponse(responseCode = "200", description = "Feed events: `id` (per-stream sequence), `event` (type) and "
            + "`data` (JSON)", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "Unknown stream")
    public Multi<OutboundSseEvent> feed(@PathParam("streamId") UUID streamId,
                                        @HeaderParam("Last-Event-ID") String lastEventId,
                                        @Parameter(description = "Anonymous viewer id, as issued in an earlier "
                                                + "snapshot's `viewerId` (counts unique viewers when no token is "
                                                + "sent). An id the feed did not issue is watched but not counted.")
                                        @QueryParam("viewerId") @Pattern(regexp = "^[A-Za-z0-9_-]{8,64}$")
                                        String viewerId,
                                        @Context Sse sse) {
        Multi<OutboundSseEvent> events = feeds.open(streamId, viewer(viewerId), lastEventId(lastEventId))
                .map(event -> sse.newEventBuilder().id(Long.toString(event.id())).name(event.type())
                        .mediaType(MediaType.TEXT_PLAIN_TYPE).data(event.data()).build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(config.feed().keepAlive())
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        // When the feed ends (the instance lost its Redis subscription), the response ends too, keep-alives with it,
        // so the client reconnects.
        OutboundSseEvent end = sse.newEventBuilder().comment("end").build();
        return Multi.createBy().merging().streams(events.onCompletion().continueWith(end), keepAlive)
                .select().first(event -> event != end);
    }

    /**
     * A signed-in viewer counts as the token's subject; an anonymous one as an id the feed issued (ADR 0015): the one
     * presented if the feed issued it, else a fresh one. A presented id the feed did not issue is not counted, or
     * made-up ids would each count as a new viewer; the viewer still watches and gets a fresh id for next time.
     */
    private FeedViewer viewer(String presentedId) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getSubject() != null) {
            return new FeedViewer("sub:" + jwt.getSubject(), null);
        }
        if (presentedId == null) {
            String issued = anonymousIds.issue();
            return new FeedViewer("anon:" + issued, issued);
        }
        if (anonymousIds.issued(presentedId)) {
            return new FeedViewer("anon:" + presentedId, presentedId);
        }
        return new FeedViewer(null, anonymousIds.issue());
    }

    private static Long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw DomainException.badRequest("invalid-last-event-id", "Last-Event-ID must be a feed event id");
        }
    }
}
