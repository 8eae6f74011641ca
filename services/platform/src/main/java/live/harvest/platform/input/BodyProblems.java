package live.harvest.platform.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Says what was wrong with a request body Jackson could not read, naming the field (its path in the document) and never
 * echoing Jackson's own message, which quotes Java class names. Every case is {@code 400 malformed-body}.
 */
public final class BodyProblems {

    private BodyProblems() {
    }

    /** The problem for the first Jackson failure in {@code failure}'s cause chain, if there is one. */
    public static Optional<Problem> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException jackson) {
                return Optional.of(problem(jackson));
            }
        }
        return Optional.empty();
    }

    /** For a body a service reads itself (e.g. after checking its signature): the same refusal, to throw. */
    public static DomainException refusal(java.io.IOException unreadable) {
        Problem problem = of(unreadable).orElseGet(() -> malformed("The body could not be read"));
        return new DomainException(400, "malformed-body", problem.title(), problem.detail(), problem.errors());
    }

    private static Problem problem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return fieldProblem(field, "Field '" + field + "' is not part of this request", "is not a known field");
        }
        if (e instanceof StrictText.Refused refused) {
            String field = path(refused);
            return fieldProblem(field, "Field '" + field + "' " + refused.reason(), refused.reason());
        }
        if (e instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            return fieldProblem(field, "Field '" + field + "' has an invalid value", "has an invalid value");
        }
        if (e instanceof MismatchedInputException mismatched) {
            String field = path(mismatched);
            String original = mismatched.getOriginalMessage();
            if (!field.isEmpty() && original != null && original.startsWith("Cannot map `null`")) {
                return fieldProblem(field, "Field '" + field + "' is required and must not be null", "is required");
            }
            if (!field.isEmpty()) {
                return fieldProblem(field, "Field '" + field + "' has the wrong type", "has the wrong type");
            }
            // Jackson reports content after the document as a mismatch without a path; its wording is stable.
            return malformed(original != null && original.startsWith("Trailing token")
                    ? "The body has content after the JSON document" : "The body does not have the expected shape");
        }
        return malformed("The body is not valid JSON");
    }

    private static Problem fieldProblem(String field, String detail, String message) {
        return malformed(detail).withErrors(List.of(new Problem.FieldError(field, message)));
    }

    private static Problem malformed(String detail) {
        return Problem.of(400, "malformed-body", "Malformed request body", detail);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
