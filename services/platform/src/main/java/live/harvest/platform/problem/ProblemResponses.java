package live.harvest.platform.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;

/**
 * Documents, once for every operation of every service, the errors the platform itself answers: 400 when the
 * operation reads a body or parameters ({@code RequestShape}, {@code BodyProblems}, Bean Validation), 401 and 403
 * when it is secured, 404 when its path names a resource, 415 when it reads a body, and a {@code default} for the
 * 500 and 503 any operation may meet, and the rate limiter's 429 (ADR 0020). Every error response, these and the ones
 * resources declare for their own 404/409/422, gets the {@link Problem} schema as {@value Problem#MEDIA_TYPE}, and
 * every 201 its {@code Location} header, so resources annotate only what is specific to them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";
    static final String REF = "#/components/schemas/" + SCHEMA;
    static final String RATE_LIMITED = "RateLimited";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        APIResponse rateLimited = rateLimited();
        asProblem(rateLimited);
        openAPI.getComponents().addResponse(RATE_LIMITED, rateLimited);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) ->
                item.getOperations().values().forEach(operation -> document(path, operation)));
    }

    private static void document(String path, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (body || parameters) {
            addIfAbsent(responses, "400", "malformed-body, validation or invalid-parameter: errors[] names each field");
        }
        if (secured) {
            addIfAbsent(responses, "401", "unauthenticated: no valid bearer token");
            addIfAbsent(responses, "403", "forbidden: the caller's role or partner scope does not allow this");
        }
        if (path.contains("{")) {
            addIfAbsent(responses, "404", "No such resource, or not visible to the caller");
        }
        if (body) {
            addIfAbsent(responses, "415", "unsupported-media-type: the body is not JSON");
        }
        if (!responses.hasAPIResponse("429")) {
            responses.addAPIResponse("429",
                    OASFactory.createAPIResponse().ref("#/components/responses/" + RATE_LIMITED));
        }
        addIfAbsent(responses, APIResponses.DEFAULT, "Any other failure: 500 internal (quote the incident in the "
                + "detail) or 503 when a dependency cannot be reached (retry after Retry-After)");
        responses.getAPIResponses().forEach((code, response) -> {
            if (response.getRef() != null) {
                return; // a shared component, documented once where it is defined
            }
            if (code.startsWith("4") || code.startsWith("5") || APIResponses.DEFAULT.equals(code)) {
                asProblem(response);
            } else if ("201".equals(code) && (response.getHeaders() == null
                    || !response.getHeaders().containsKey("Location"))) {
                response.addHeader("Location", OASFactory.createHeader()
                        .description("The URI of the created resource")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")));
            }
        });
    }

    /** Any operation may meet its route class's or the partner class's quota (ADR 0020). */
    private static APIResponse rateLimited() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createAPIResponse()
                .description("rate-limited: the caller spent the quota of this route class (or, for partners, of the "
                        + "partner class); come back after Retry-After")
                .addHeader("Retry-After", OASFactory.createHeader().schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER).format("int32")).description("Seconds to wait"))
                .addHeader("RateLimit-Policy", OASFactory.createHeader().schema(string)
                        .description("The quota, e.g. \"buy\";q=10;w=1 (draft-ietf-httpapi-ratelimit-headers)"))
                .addHeader("RateLimit", OASFactory.createHeader().schema(string)
                        .description("What is left, e.g. \"buy\";r=0;t=1"));
    }

    private static void addIfAbsent(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static void asProblem(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty()) {
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))));
        }
    }

    /** The shape of {@link Problem}, written out because no resource returns it for the scanner to find. */
    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string).addProperty("message", string);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("https://harvest.live/problems/<slug>, e.g. .../sold-out"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string)
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .format("uri-reference"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("Each invalid field, when the request had several")
                        .items(fieldError));
    }
}
