package live.harvest.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The mapper Quarkus REST reads request bodies with (ADR 0013): unknown fields, anything after the document, duplicate
 * keys, numbers for text, text for numbers or booleans, fractions for integers, numbers for enums and nulls for
 * primitives are all refused, and text is read by {@link StrictText}. It is a copy of the application's mapper (same
 * modules, same output), so responses are unchanged. The application's own mapper stays tolerant on purpose: events,
 * Redis entries and other services' responses are read with it, and a field added there must not break a reader.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class StrictJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    public StrictJson(ObjectMapper shared) {
        this.strict = strict(shared);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    /** A strict copy of {@code base}; also for bodies a service parses itself (e.g. after checking a signature). */
    @SuppressWarnings("deprecation") // ALLOW_COERCION_OF_SCALARS is still how Jackson 2 turns scalar coercion off
    public static ObjectMapper strict(ObjectMapper base) {
        return base.copy().configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
                .registerModule(StrictText.module())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
