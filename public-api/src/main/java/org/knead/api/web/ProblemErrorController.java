package org.knead.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what reaches the servlet container's error page (failures outside Spring MVC) as a
 * problem too, instead of Boot's default error JSON or an HTML page.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly (GET /error), not forwarded by the container: there is no such resource
        HttpStatus status = code == null ? HttpStatus.NOT_FOUND
                : code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = switch (status.value()) {
            case 400 -> "The request could not be read; check its parameters and their encoding.";
            case 404 -> "No such resource; see /v3/api-docs for what this API answers.";
            case 405 -> "Only GET, HEAD and OPTIONS are accepted.";
            default -> status.is5xxServerError() ? "Something went wrong on our side; it has been logged."
                    : status.getReasonPhrase();
        };
        return Problems.answer(Problems.of(status, status.getReasonPhrase(), detail), null);
    }
}
