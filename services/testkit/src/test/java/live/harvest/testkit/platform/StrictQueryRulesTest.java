package live.harvest.testkit.platform;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import live.harvest.platform.input.Paging;
import live.harvest.platform.input.QueryParameters;
import live.harvest.platform.problem.Problem;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How numeric and enum query parameters are read, and the paging bounds every list shares. */
@UnitTest
class StrictQueryRulesTest {

    enum Status { OPEN, CLOSED }

    @SuppressWarnings("unused") // its parameters' annotations are what the converter provider sees
    void list(@QueryParam("page") Integer page, @QueryParam("since") long since, @QueryParam("status") Status status,
              @QueryParam("q") String q, @PathParam("id") Integer id) {
    }

    private static <T> ParamConverter<T> converterFor(int index) throws NoSuchMethodException {
        Method method = StrictQueryRulesTest.class.getDeclaredMethod("list", Integer.class, long.class, Status.class,
                String.class, Integer.class);
        Parameter parameter = method.getParameters()[index];
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) parameter.getType();
        return new QueryParameters().getConverter(type, parameter.getParameterizedType(), parameter.getAnnotations());
    }

    private static Problem refusal(ParamConverter<?> converter, String value) {
        return assertThrows(QueryParameters.Invalid.class, () -> converter.fromString(value), value).problem();
    }

    @Test
    void givenNumbersAndEnumNames_whenRead_thenTheyAreParsedWithSurroundingSpaceIgnored() throws Exception {
        assertEquals(7, converterFor(0).fromString(" 7 "));
        assertEquals(-1L, converterFor(1).fromString("-1"));
        assertEquals(Status.CLOSED, converterFor(2).fromString("CLOSED"));
        assertNull(converterFor(0).fromString(null));
    }

    @Test
    void givenAPageThatIsNotAWholeNumberOrDoesNotFitAnInt_whenRead_thenA400NamesTheParameter() throws Exception {
        ParamConverter<Integer> page = converterFor(0);
        for (String bad : new String[]{"abc", "1.5", "99999999999", ""}) {
            Problem problem = refusal(page, bad);
            assertEquals(400, problem.status());
            assertEquals("https://harvest.live/problems/invalid-parameter", problem.type().toString());
            assertEquals(List.of(new Problem.FieldError("page", "must be a whole number")), problem.errors());
        }
    }

    @Test
    void givenAnUnknownOrWronglyCasedEnumValue_whenRead_thenThe400ListsTheAllowedValues() throws Exception {
        ParamConverter<Status> status = converterFor(2);
        for (String bad : new String[]{"foo", "open", "0"}) {
            Problem problem = refusal(status, bad);
            assertEquals(List.of(new Problem.FieldError("status", "must be one of [OPEN, CLOSED]")), problem.errors());
        }
    }

    @Test
    void givenTextOrAPathParameter_whenAConverterIsAskedFor_thenTheDefaultReadingIsKept() throws Exception {
        assertNull(converterFor(3));
        assertNull(converterFor(4), "a malformed path parameter stays a 404: it names no resource");
    }

    @Test
    void givenTheDeepestPageAtTheLargestSize_thenItsSqlOffsetStillFitsAnInt() {
        assertTrue((long) Paging.MAX_PAGE * Paging.MAX_SIZE <= Integer.MAX_VALUE);
    }
}
