package org.knead.review;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.knead.config.CoreProperties;
import org.knead.publication.PublicationRepair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled revisions when they fall due, and at start-up those that fell due while
 * Knead was down. Runs in the console's process ({@code knead.core.run-scheduler=true}). At start it
 * repairs publications a crash cut short ({@link PublicationRepair}), and on every round it completes
 * any publish or withdrawal left under way for longer than {@link #STALE_INTENT}.
 */
@Component
@ConditionalOnProperty(name = "knead.core.run-scheduler", havingValue = "true")
public class ScheduledPublishing implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPublishing.class);

    /** A publish or withdrawal still under way after this long was cut short by a crash: it is completed. */
    static final java.time.Duration STALE_INTENT = java.time.Duration.ofMinutes(1);

    private final PublishingService publishing;
    private final PublicationRepair repair;
    private final CoreProperties settings;
    private ScheduledExecutorService executor;

    public ScheduledPublishing(PublishingService publishing, PublicationRepair repair, CoreProperties settings) {
        this.publishing = publishing;
        this.repair = repair;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "knead-scheduled-publishing");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, settings.schedulerInterval().toMillis());
        executor.execute(this::repairOnStart);
        executor.scheduleWithFixedDelay(this::runOnce, 0, every, TimeUnit.MILLISECONDS);
    }

    private void repairOnStart() {
        try {
            PublicationRepair.Report report = repair.repair();
            if (!report.changedNothing()) {
                LOG.warn("Repaired publications cut short: completed {}, reconciled {}", report.completed(),
                        report.reconciled());
            }
        } catch (RuntimeException e) {
            LOG.warn("Publication repair at start failed; ./knead repair runs it again: {}", e.toString());
        }
    }

    private void runOnce() {
        try {
            repair.finishIntents(STALE_INTENT);
            int n = publishing.publishDue();
            if (n > 0) {
                LOG.info("Published {} scheduled revision(s)", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("Scheduled publishing failed; will try again: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
