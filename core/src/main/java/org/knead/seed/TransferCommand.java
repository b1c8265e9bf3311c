package org.knead.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Export and import from the command line ({@code ./knead export FILE}, {@code ./knead import
 * [--dry-run] FILE}): runs once when {@code knead.transfer.export} or {@code knead.transfer.import}
 * names a file, then ends the process (unless {@code knead.transfer.exit=false}). With
 * {@code knead.transfer.dry-run=true} the import only checks and reports. The import prints its
 * report, one line per item and per problem; the process ends with 1 when the file was refused
 * (nothing written), else 0.
 */
@Component
@ConditionalOnExpression("'${knead.transfer.export:}' != '' or '${knead.transfer.import:}' != ''")
public class TransferCommand implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TransferCommand.class);
    private static final Actor OPERATOR = new Actor(System.getProperty("user.name", "operator"),
            Set.of(Role.ADMIN), "command line");

    private final ContentTransfer transfer;
    private final Environment env;
    private final ConfigurableApplicationContext context;
    private int exitCode;

    public TransferCommand(ContentTransfer transfer, Environment env, ConfigurableApplicationContext context) {
        this.transfer = transfer;
        this.env = env;
        this.context = context;
    }

    /** 1 when the last import was refused, else 0: the exit code of the process. */
    public int exitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        String exportTo = env.getProperty("knead.transfer.export", "");
        String importFrom = env.getProperty("knead.transfer.import", "");
        if (!exportTo.isBlank()) {
            Path file = Path.of(exportTo);
            try (OutputStream out = Files.newOutputStream(file)) {
                transfer.export(OPERATOR, out);
            }
            LOG.info("Exported all content to {}", file.toAbsolutePath());
            System.out.println("Exported all content to " + file.toAbsolutePath());
        }
        if (!importFrom.isBlank()) {
            boolean dryRun = env.getProperty("knead.transfer.dry-run", Boolean.class, false);
            ImportReport report;
            try (InputStream in = Files.newInputStream(Path.of(importFrom))) {
                report = transfer.importFrom(in, OPERATOR, dryRun);
            }
            System.out.print(report.format());
            LOG.info("Import of {}: {}", importFrom, report.summary());
            exitCode = report.isRefused() ? 1 : 0;
        }
        if (env.getProperty("knead.transfer.exit", Boolean.class, true)) {
            int code = exitCode;
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }
}
