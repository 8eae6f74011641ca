package live.harvest.platform.problem;

import java.util.List;

/**
 * A business rule refused the request. Services throw these; one mapper turns them into problem+json,
 * so resources never build error responses themselves.
 */
public class DomainException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public DomainException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    public static DomainException badRequest(String slug, String detail) {
        return new DomainException(400, slug, "Bad request", detail, null);
    }

    public static DomainException invalid(List<Problem.FieldError> errors) {
        return new DomainException(400, "validation", "Invalid request", "The request has invalid fields", errors);
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(403, "forbidden", "Forbidden", detail, null);
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(404, "not-found", "Not found", what + " " + id + " does not exist", null);
    }

    public static DomainException conflict(String slug, String detail) {
        return new DomainException(409, slug, "Conflict", detail, null);
    }

    public static DomainException unprocessable(String slug, String detail) {
        return new DomainException(422, slug, "Unprocessable request", detail, null);
    }

    public Problem toProblem() {
        Problem problem = Problem.of(status, slug, title, getMessage());
        return errors == null ? problem : problem.withErrors(errors);
    }

    /** Response headers that belong to this refusal (e.g. a {@code WWW-Authenticate} challenge). */
    public java.util.Map<String, String> headers() {
        return java.util.Map.of();
    }

    public int status() {
        return status;
    }
}
