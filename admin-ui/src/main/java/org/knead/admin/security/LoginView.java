package org.knead.admin.security;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.web.WebAttributes;

/**
 * The login page; Spring Security checks the form it posts. Every failed login gets the same
 * message, except a right password on a disabled account, which is told so and whom to ask.
 */
@Route("login")
@PageTitle("Log in | Knead")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    static final String FAILED_TITLE = "Not logged in";
    static final String FAILED_MESSAGE = StoredUserAuthenticationProvider.FAILED + " After repeated failures, "
            + "logins from a new address wait up to a minute between attempts; then try again.";

    private final LoginForm login = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView() {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        i18n.getErrorMessage().setTitle(FAILED_TITLE);
        i18n.getErrorMessage().setMessage(FAILED_MESSAGE);
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setId("login-form");
        add(new H1("Knead"), new Paragraph("Admin console for editors and clinicians"), login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            return;
        }
        WrappedSession session = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getSession();
        Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (session != null) {
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        if (last instanceof AccountStateException state) {
            i18n.getErrorMessage().setTitle("Account disabled");
            i18n.getErrorMessage().setMessage(state.getMessage());
            login.setI18n(i18n);
        }
        login.setError(true);
    }
}
