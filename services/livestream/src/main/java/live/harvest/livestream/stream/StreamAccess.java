package live.harvest.livestream.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.security.Caller;
import live.harvest.platform.security.Roles;

import java.util.UUID;

/**
 * Who may touch a stream: its owner changes it (and its offers); its owner or an admin reads its results; a signed-in
 * viewer likes it. The one reader of the caller's token in livestream: services take the ids it answers.
 */
@ApplicationScoped
public class StreamAccess {

    private final StreamRepository streams;
    private final Caller caller;

    public StreamAccess(StreamRepository streams, Caller caller) {
        this.streams = streams;
        this.caller = caller;
    }

    /** The seller the caller acts as (403 for anyone else); {@link #lockOwned} then checks the stream is theirs. */
    public UUID actingSeller() {
        return caller.requireSellerId();
    }

    /** The stream locked for update, after checking the caller is the seller who owns it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stream lockOwned(UUID streamId) {
        UUID sellerId = caller.requireSellerId();
        Stream stream = streams.requireForUpdate(streamId);
        if (!stream.sellerId.equals(sellerId)) {
            throw DomainException.forbidden("Only the seller who owns stream " + streamId + " may change it");
        }
        return stream;
    }

    /** The signed-in viewer (the token's subject), for what counts once per account. */
    public UUID signedInViewer() {
        return caller.id();
    }

    public Stream readableByOwnerOrAdmin(UUID streamId) {
        Stream stream = streams.require(streamId);
        boolean owner = caller.sellerId().filter(stream.sellerId::equals).isPresent();
        if (!owner && !caller.is(Roles.ADMIN)) {
            throw DomainException.forbidden("Only the stream's owner or an admin may read its results");
        }
        return stream;
    }
}
