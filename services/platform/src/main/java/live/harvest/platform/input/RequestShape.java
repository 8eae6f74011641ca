package live.harvest.platform.input;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks every matched request before any resource method runs (ADR 0013): a body must say it is JSON, and path and
 * query parameters must not hold control characters (they end up in SQL parameters, where PostgreSQL refuses NUL, and
 * in logs). Bodies themselves are checked by {@link StrictJson} while they are read.
 */
public class RequestShape {

    @ServerRequestFilter
    public void bodyIsJson(ContainerRequestContext request, ResourceInfo resource) {
        MediaType type = request.getMediaType();
        if (!carriesBody(request) || isJson(type) || declaresOtherThanJson(resource, type)) {
            return;
        }
        throw new DomainException(415, "unsupported-media-type", "Unsupported media type",
                "The body must be JSON, sent with Content-Type: application/json", null);
    }

    @ServerRequestFilter
    public void parametersAreText(UriInfo uri) {
        refuseControlCharacters(uri.getPathParameters());
        refuseControlCharacters(uri.getQueryParameters());
    }

    private static boolean carriesBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }

    private static boolean isJson(MediaType type) {
        return type != null && ("json".equalsIgnoreCase(type.getSubtype())
                || type.getSubtype().toLowerCase().endsWith("+json"));
    }

    /** An endpoint may take another media type by naming it in {@code @Consumes} (none does yet). */
    private static boolean declaresOtherThanJson(ResourceInfo resource, MediaType type) {
        Consumes consumes = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Consumes.class);
        if (consumes == null && resource.getResourceClass() != null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        return type != null && consumes != null && Stream.of(consumes.value())
                .map(MediaType::valueOf)
                .anyMatch(declared -> !declared.isWildcardType() && !isJson(declared) && declared.isCompatible(type));
    }

    private static void refuseControlCharacters(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value.chars().anyMatch(Character::isISOControl)) {
                    String name = parameter.getKey();
                    throw new DomainException(400, "invalid-parameter", "Invalid parameter",
                            "Parameter '" + name + "' must not contain control characters",
                            List.of(new Problem.FieldError(name, "must not contain control characters")));
                }
            }
        }
    }
}
