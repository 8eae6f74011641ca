package live.harvest.orders.idempotency;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The first answer given for an idempotency key. A success keeps its exact JSON body; a refusal keeps the
 * problem's fields and is replayed by throwing it again, so problem+json is still built in one place.
 */
public record StoredResponse(int status, String body, String slug, String title, String detail) {

    public static StoredResponse success(int status, String body) {
        return new StoredResponse(status, body, null, null, null);
    }

    @JsonIgnore
    public boolean isProblem() {
        return slug != null;
    }
}
