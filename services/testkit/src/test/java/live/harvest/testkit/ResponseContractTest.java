package live.harvest.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The response rules on single operations, without a service. */
class ResponseContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String PROBLEM = "content: {application/problem+json: {schema: {$ref: '#/p'}}}";

    private static List<String> check(String path, String operation) throws Exception {
        JsonNode op = YAML.readTree(operation);
        return ResponseContract.check("POST " + path, path, op);
    }

    @Test
    void givenASecuredCreateWithBodyThatDocumentsEverythingThenNothingIsReported() throws Exception {
        assertEquals(List.of(), check("/things/{id}/parts", """
                requestBody: {content: {application/json: {schema: {type: object}}}}
                security: [{SecurityScheme: [seller]}]
                responses:
                  "201": {content: {application/json: {schema: {type: object}}}, headers: {Location: {}}}
                  "400": {%1$s}
                  "401": {%1$s}
                  "403": {%1$s}
                  "404": {%1$s}
                  "415": {%1$s}
                  default: {%1$s}
                """.formatted(PROBLEM)));
    }

    @Test
    void givenA201WithoutSchemaOrLocationAndErrorsWithoutProblemThenEachIsReported() throws Exception {
        assertEquals(List.of("POST /things: 201 has no content schema", "POST /things: 201 documents no Location header",
                "POST /things: 409 is not documented as application/problem+json",
                "POST /things: no 400 documented, though it reads a body or parameters",
                "POST /things: no 415 documented, though it reads a body"), check("/things", """
                requestBody: {content: {application/json: {schema: {type: object}}}}
                responses:
                  "201": {description: Created}
                  "409": {description: Conflict}
                """));
    }

    @Test
    void givenOnlyErrorsOnASecuredPathWithAnIdThenTheMissingSuccessAnd401403404AreReported() throws Exception {
        assertEquals(List.of("POST /things/{id}: no 2xx response",
                "POST /things/{id}: no 401 documented, though it is secured",
                "POST /things/{id}: no 403 documented, though it is secured",
                "POST /things/{id}: no 404 documented, though its path names a resource"), check("/things/{id}", """
                parameters: [{name: id, in: path}]
                security: [{SecurityScheme: [admin]}]
                responses:
                  "400": {%s}
                """.formatted(PROBLEM)));
    }

    @Test
    void givenA204ThenItNeedsNoSchema() throws Exception {
        assertEquals(List.of(), check("/things", """
                responses:
                  "204": {description: Gone}
                  default: {%s}
                """.formatted(PROBLEM)));
    }
}
