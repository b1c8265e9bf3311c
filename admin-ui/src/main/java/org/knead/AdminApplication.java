package org.knead;

import com.vaadin.flow.component.page.AppShellConfigurator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The admin console: Vaadin views for editors, clinicians and admins, on top of core. */
@SpringBootApplication
public class AdminApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(AdminApplication.class, args);
    }
}
