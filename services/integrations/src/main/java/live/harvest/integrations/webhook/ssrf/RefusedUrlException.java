package live.harvest.integrations.webhook.ssrf;

/** A webhook URL that may not be called, with the reason a partner can act on. */
public class RefusedUrlException extends Exception {

    public RefusedUrlException(String reason) {
        super(reason);
    }
}
