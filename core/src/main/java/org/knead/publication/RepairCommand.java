package org.knead.publication;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code ./knead repair}: runs {@link PublicationRepair} once when {@code knead.repair=true}, prints
 * what it did, then ends the process (unless {@code knead.repair.exit=false}).
 */
@Component
@ConditionalOnProperty(name = "knead.repair", havingValue = "true")
public class RepairCommand implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RepairCommand.class);

    private final PublicationRepair repair;
    private final Environment env;
    private final ConfigurableApplicationContext context;

    public RepairCommand(PublicationRepair repair, Environment env, ConfigurableApplicationContext context) {
        this.repair = repair;
        this.env = env;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        PublicationRepair.Report report = repair.repair();
        String summary = report.changedNothing()
                ? "Items, public copies and the publication log agree; nothing to repair."
                : "Completed " + report.completed().size() + " publication(s) cut short " + report.completed()
                        + "; reconciled " + report.reconciled().size() + " item(s) " + report.reconciled() + ".";
        LOG.info(summary);
        System.out.println(summary);
        if (env.getProperty("knead.repair.exit", Boolean.class, true)) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
