package live.harvest.integrations.history;

import live.harvest.platform.problem.DomainException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in the history: the inserting transaction's id (xid8) and the row's sequence number, read in that
 * order. Opaque to partners: base64url of {@code v1.<xid>.<seq>}. ADR 0021 says why the transaction id leads.
 */
record HistoryCursor(long xid, long seq) {

    static final HistoryCursor START = new HistoryCursor(0, 0);
    private static final Pattern FORM = Pattern.compile("v1\\.(\\d{1,19})\\.(\\d{1,19})");

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1." + xid + "." + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a partner sent back; 400 {@code invalid-cursor} for anything we did not issue. */
    static HistoryCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return START;
        }
        try {
            if (cursor.length() > 64) {
                throw new IllegalArgumentException("too long");
            }
            Matcher m = FORM.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (!m.matches()) {
                throw new IllegalArgumentException("not a cursor");
            }
            long xid = Long.parseLong(m.group(1));
            long seq = Long.parseLong(m.group(2));
            return new HistoryCursor(xid, seq);
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("invalid-cursor",
                    "'after' must be a cursor returned by this API (an item's cursor or a page's next)");
        }
    }
}
