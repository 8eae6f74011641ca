package live.harvest.platform.input;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import live.harvest.platform.problem.Problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads numeric and enum query parameters so that a value that is not one ({@code page=abc}, {@code page=99999999999},
 * {@code status=foo}) is a 400 naming the parameter; Jakarta REST would answer 404, as if the resource were missing.
 * Ranges stay with Bean Validation on the parameter (e.g. {@code @Max(Paging.MAX_PAGE)}). Path parameters keep the
 * 404: a malformed id names no resource.
 */
@Provider
public class QueryParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        QueryParam query = (QueryParam) Arrays.stream(annotations).filter(QueryParam.class::isInstance)
                .findFirst().orElse(null);
        if (query == null) {
            return null;
        }
        String name = query.value();
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, "a whole number", Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, "a whole number", Long::valueOf);
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String allowed = "one of " + Arrays.toString(type.getEnumConstants());
            return (ParamConverter<T>) converter(name, allowed, value -> Enum.valueOf(type, value));
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, String expected, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                try {
                    return value == null ? null : parse.apply(value.trim());
                } catch (IllegalArgumentException notOne) {
                    throw new Invalid(name, "must be " + expected);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /** A query parameter that is not of its type; mapped to {@code 400 invalid-parameter} naming it. */
    public static final class Invalid extends BadRequestException {

        private final String name;
        private final String reason;

        Invalid(String name, String reason) {
            this.name = name;
            this.reason = reason;
        }

        public Problem problem() {
            return Problem.of(400, "invalid-parameter", "Invalid parameter", "Parameter '" + name + "' " + reason)
                    .withErrors(List.of(new Problem.FieldError(name, reason)));
        }
    }
}
