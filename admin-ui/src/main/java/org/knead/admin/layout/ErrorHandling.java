package org.knead.admin.layout;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** One error handler for every session: known refusals as a notification, anything else logged. */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            Throwable t = error.getThrowable();
            while (t != null && Feedback.explain(t) == null && t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            String message = t == null ? null : Feedback.explain(t);
            if (message == null) {
                LOG.error("Unexpected error in the console", error.getThrowable());
                message = "Something went wrong; the error was logged.";
            }
            String shown = message;
            if (com.vaadin.flow.component.UI.getCurrent() != null) {
                com.vaadin.flow.component.UI.getCurrent().access(() -> Feedback.error(shown));
            }
        }));
    }
}
