package live.harvest.testkit.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import live.harvest.platform.input.BodyProblems;
import live.harvest.platform.input.FreeText;
import live.harvest.platform.input.StrictJson;
import live.harvest.platform.problem.Problem;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * How request bodies are read (ADR 0013), on the strict mapper alone: which values are refused and how the refusal
 * names the field, in milliseconds (StrictInputTest proves the same edge over HTTP on the probe application).
 */
@UnitTest
class StrictBodyRulesTest {

    record Line(String sku, int quantity) {
    }

    record Body(String name, @FreeText String note, List<Line> lines, Instant endsAt) {
    }

    private static final ObjectMapper STRICT = StrictJson.strict(new ObjectMapper().registerModule(new JavaTimeModule()));

    private static Body read(String json) throws JsonProcessingException {
        return STRICT.readValue(json, Body.class);
    }

    /** The refusal a client sees for {@code json}: always 400 malformed-body, never Jackson's words. */
    private static Problem refusal(String json) {
        JsonProcessingException failure = assertThrows(JsonProcessingException.class, () -> read(json), json);
        Problem problem = BodyProblems.of(new RuntimeException("wrapped", failure)).orElseThrow();
        assertEquals(400, problem.status());
        assertEquals("https://harvest.live/problems/malformed-body", problem.type().toString());
        assertFalse(problem.detail().contains("java.") || problem.detail().contains("Body"), problem.detail());
        return problem;
    }

    private static Problem.FieldError onlyError(Problem problem) {
        assertEquals(1, problem.errors().size(), problem.toString());
        return problem.errors().get(0);
    }

    @Test
    void givenAWellFormedBody_whenRead_thenFreeTextKeepsItsLineFeedsAndTabsAndPairedSurrogatesAreKept() throws Exception {
        Body body = read("{\"name\":\"Tea \uD83C\uDF75\",\"note\":\"line one\\n\\tline two\",\"lines\":[{\"sku\":\"a\","
                + "\"quantity\":2}],\"endsAt\":\"2030-01-01T00:00:00Z\"}");

        assertEquals("Tea \uD83C\uDF75", body.name());
        assertEquals("line one\n\tline two", body.note());
        assertEquals(List.of(new Line("a", 2)), body.lines());
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), body.endsAt());
    }

    @Test
    void givenALineBreakInAnOrdinaryTextField_whenRead_thenTheFieldIsRefused() {
        assertEquals(new Problem.FieldError("name", "must not contain control characters"),
                onlyError(refusal("{\"name\":\"Tea\\nTime\"}")));
    }

    @Test
    void givenACarriageReturnOrNulInFreeText_whenRead_thenItIsRefusedAlthoughLineFeedsWouldPass() {
        for (String bad : new String[]{"\\r", "\\u0000", "\\u001b"}) {
            assertEquals(new Problem.FieldError("note", "must not contain control characters other than line feed and tab"),
                    onlyError(refusal("{\"note\":\"a" + bad + "b\"}")), bad);
        }
    }

    @Test
    void givenALoneSurrogate_whenRead_thenTheTextIsRefusedAsMalformedUnicode() {
        assertEquals(new Problem.FieldError("name", "must be well-formed Unicode text"),
                onlyError(refusal("{\"name\":\"a\\ud800b\"}")));
        assertEquals(new Problem.FieldError("name", "must be well-formed Unicode text"),
                onlyError(refusal("{\"name\":\"ab\\udc00\"}")));
    }

    @Test
    void givenANumberOrBooleanForText_whenRead_thenItIsRefusedNotTurnedIntoText() {
        assertEquals(new Problem.FieldError("name", "must be a string"), onlyError(refusal("{\"name\":5}")));
        assertEquals(new Problem.FieldError("name", "must be a string"), onlyError(refusal("{\"name\":true}")));
    }

    @Test
    void givenANumberForATime_whenRead_thenItIsRefusedRatherThanReadAsSecondsSince1970() {
        assertEquals(new Problem.FieldError("endsAt", "must be a string"), onlyError(refusal("{\"endsAt\":12345}")));
    }

    @Test
    void givenAWrongValueDeepInAList_whenRead_thenThePathNamesTheElement() {
        for (String quantity : new String[]{"1.5", "\"3\"", "null", "true"}) {
            Problem problem = refusal("{\"lines\":[{\"sku\":\"a\",\"quantity\":1},{\"sku\":\"b\",\"quantity\":"
                    + quantity + "}]}");
            assertEquals("lines[1].quantity", onlyError(problem).field(), quantity);
        }
    }

    @Test
    void givenAMissingPrimitiveGivenAsNull_whenRead_thenItIsReportedAsRequired() {
        assertEquals(new Problem.FieldError("lines[0].quantity", "is required"),
                onlyError(refusal("{\"lines\":[{\"sku\":\"a\",\"quantity\":null}]}")));
    }

    @Test
    void givenAnUnknownField_whenRead_thenItIsNamed() {
        Problem problem = refusal("{\"name\":\"x\",\"endAt\":\"2030-01-01T00:00:00Z\"}");

        assertEquals(new Problem.FieldError("endAt", "is not a known field"), onlyError(problem));
        assertEquals("Field 'endAt' is not part of this request", problem.detail());
    }

    @Test
    void givenContentAfterTheDocumentOrADuplicateKeyOrNoJson_whenRead_thenTheWholeBodyIsRefused() {
        assertEquals("The body has content after the JSON document", refusal("{\"name\":\"x\"} {}").detail());
        assertEquals("The body is not valid JSON", refusal("{\"name\":\"x\",\"name\":\"y\"}").detail());
        assertEquals("The body is not valid JSON", refusal("name=x").detail());
    }

    @Test
    void givenAFailureThatIsNotJackson_whenAskedForABodyProblem_thenThereIsNone() {
        assertEquals(Optional.empty(), BodyProblems.of(new IllegalStateException("database down")));
    }
}
