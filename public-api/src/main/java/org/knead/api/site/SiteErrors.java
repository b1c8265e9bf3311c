package org.knead.api.site;

import org.knead.api.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of the site's pages answered as pages (the JSON API keeps its problem+json): an unknown
 * slug is the 404 page, a bad parameter a 400 page saying which, a store or index not ready a 503.
 */
@ControllerAdvice(assignableTypes = {SiteController.class, SitemapController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class SiteErrors {

    private static final Logger LOG = LoggerFactory.getLogger(SiteErrors.class);

    @ExceptionHandler(SiteController.PageNotFound.class)
    ModelAndView notFound(SiteController.PageNotFound e) {
        return page("site/not-found", HttpStatus.NOT_FOUND, "Page not found", e.getMessage());
    }

    @ExceptionHandler(ApiProblem.class)
    ModelAndView problem(ApiProblem e) {
        if (e.status() == HttpStatus.NOT_FOUND) {
            return page("site/not-found", HttpStatus.NOT_FOUND, "Page not found", e.getMessage());
        }
        return page("site/error", e.status(), e.title(), e.getMessage());
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ModelAndView storeUnavailable(DataAccessResourceFailureException e) {
        LOG.warn("The store did not answer: {}", e.toString());
        return page("site/error", HttpStatus.SERVICE_UNAVAILABLE, "Not available right now",
                "The content could not be read; try again in a few seconds.");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        LOG.error("Unexpected failure rendering a page", e);
        return page("site/error", HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "Something went wrong on our side; it has been logged.");
    }

    private static ModelAndView page(String view, HttpStatus status, String title, String message) {
        ModelAndView mav = new ModelAndView(view, status);
        mav.addObject("title", title);
        mav.addObject("message", message);
        mav.addObject("status", status.value());
        return mav;
    }
}
