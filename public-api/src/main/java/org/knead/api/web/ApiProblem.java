package org.knead.api.web;

import org.springframework.http.HttpStatus;

/** A failure the client caused or may retry, answered as an RFC 9457 problem by {@link ApiExceptionHandler}. */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    private ApiProblem(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ApiProblem badParameter(String name, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Bad parameter: " + name, detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // expected outcomes, not bugs: no stack trace needed
    }
}
