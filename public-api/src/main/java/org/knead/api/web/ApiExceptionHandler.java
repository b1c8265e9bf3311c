package org.knead.api.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where failures become answers: every error is an RFC 9457 problem
 * ({@code application/problem+json}) with {@code status}, {@code title} and {@code detail}.
 * Bad parameters are 400, unknown items and paths 404, other methods than GET 405.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem e) {
        HttpHeaders headers = new HttpHeaders();
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            headers.set(HttpHeaders.RETRY_AFTER, "5");
        }
        return Problems.answer(Problems.of(e.status(), e.title(), e.getMessage()), headers);
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<Object> storeUnavailable(DataAccessResourceFailureException e) {
        LOG.warn("The store did not answer: {}", e.toString());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return Problems.answer(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                "The content store did not answer; try again in a few seconds."), headers);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        LOG.error("Unexpected failure answering {}", request.getDescription(false), e);
        return Problems.answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; it has been logged."), null);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String type = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        String detail = name + " must be " + ("int".equals(type) || "Integer".equals(type) ? "a whole number"
                : "a " + type) + ".";
        return Problems.answer(Problems.of(HttpStatus.BAD_REQUEST, "Bad parameter: " + name, detail), headers);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem;
        if (body instanceof ProblemDetail pd) {
            problem = pd;
        } else if (ex instanceof ErrorResponse er) {
            problem = er.getBody();
        } else {
            problem = Problems.of(statusCode, HttpStatus.valueOf(statusCode.value()).getReasonPhrase(), ex.getMessage());
        }
        if (problem.getTitle() == null) {
            HttpStatus known = HttpStatus.resolve(statusCode.value());
            problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        }
        if (statusCode.value() == 404) {
            problem.setDetail("No such resource; see /v3/api-docs for what this API answers.");
        }
        problem.setInstance(null);
        return Problems.answer(problem, headers);
    }
}
