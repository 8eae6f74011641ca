package live.harvest.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import live.harvest.platform.failure.Failures;
import live.harvest.platform.input.BodyProblems;
import live.harvest.platform.input.QueryParameters;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The single place where failures become RFC 9457 responses. Nothing here echoes exception class names or
 * stack traces; unexpected failures are logged with an id the client can quote.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        Response.ResponseBuilder response = Response.fromResponse(respond(e.toProblem(), uri));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(Problem.of(400, "validation", "Invalid request", "The request has invalid fields")
                .withErrors(errors), uri);
    }

    /** Jackson failures while reading a body (listed so ours replace the Quarkus mapper, which answers text/plain). */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        return respond(BodyProblems.of(e).orElseThrow(), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(401, "unauthenticated", "Unauthenticated",
                        "A valid bearer token is required"), uri))
                .header("WWW-Authenticate", "Bearer").build();
    }

    /** The identity provider could not be reached to verify a token: ours to fix, the client's to retry. */
    @ServerExceptionMapper
    public Response identityProviderUnavailable(OIDCException e, UriInfo uri) {
        LOG.warnf("Cannot verify a bearer token: %s", e.getMessage());
        return domain(new IdentityProviderUnavailable(
                "The identity provider cannot be reached to verify the token; retry shortly", e), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this operation"), uri);
    }

    @ServerExceptionMapper
    public Response invalidParameter(QueryParameters.Invalid e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // Quarkus REST wraps body-parsing failures in a plain 400; say what was wrong with the body.
        java.util.Optional<Problem> body = BodyProblems.of(e.getCause());
        if (body.isPresent()) {
            return respond(body.get(), uri);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return respond(Problem.of(status, slug, title, title), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (Failures.isTransient(e)) {
            // The database, a lock or a pool was briefly unavailable (e.g. no pooled connection within the
            // acquisition timeout under a rush): nothing was written, the client's retry will likely succeed.
            LOG.warnf("Transient failure answered 503: %s", e.toString());
            return domain(new ServiceUnavailable("temporarily-unavailable",
                    "A resource we depend on is briefly unavailable; retry shortly", 1, e), uri);
        }
        String incident = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(Problem.of(500, "internal", "Internal error",
                "Something went wrong on our side; quote incident " + incident), uri);
    }

    static Response respond(Problem problem, UriInfo uri) {
        Problem withInstance = uri == null ? problem : problem.withInstance(instance(uri.getPath()));
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(withInstance).build();
    }

    /** The request path as a URI reference; a decoded path may hold spaces, '%' or control characters: quote them. */
    static java.net.URI instance(String decodedPath) {
        try {
            return new java.net.URI(null, null, decodedPath, null);
        } catch (java.net.URISyntaxException unquotable) {
            return null;
        }
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // Method-parameter paths look like "place.request.lines[0].quantity"; clients know only the body shape.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
