package live.harvest.integrations.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import live.harvest.platform.event.EventEnvelope;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Response bodies of the partner event history. */
public final class HistoryDtos {

    private HistoryDtos() {
    }

    public record EventItemView(
            @Schema(description = "This item's position: pass it as 'after' to read what follows it")
            String cursor,
            @Schema(implementation = EventEnvelope.class,
                    description = "The event envelope, the very JSON a webhook delivery of this event carries")
            @JsonRawValue String event) {
    }

    public record EventPageView(
            List<EventItemView> items,
            @Schema(description = "Where to continue: the last item's cursor, or the 'after' given when nothing "
                    + "new is visible yet (null only when nothing was ever visible); poll again with it")
            String next) {
    }
}
