package live.harvest.testkit.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import live.harvest.platform.ratelimit.RateLimited;

/** Endpoints of the platform's test application that prove the rate limiter. */
@Path("/probe/limits")
@PermitAll
public class RateLimitProbeResource {

    @GET
    @Path("/limited")
    @RateLimited("probe")
    public String limited() {
        return "ok";
    }

    @GET
    @Path("/unmarked")
    public String unmarked() {
        return "ok";
    }
}
