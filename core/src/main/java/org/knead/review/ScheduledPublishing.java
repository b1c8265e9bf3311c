package org.knead.review;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.knead.store.CoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled revisions when they fall due, and at start-up those that fell due while
 * Knead was down. Runs in the console's process ({@code knead.core.run-scheduler=true}).
 */
@Component
@ConditionalOnProperty(name = "knead.core.run-scheduler", havingValue = "true")
public class ScheduledPublishing implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPublishing.class);

    private final WorkflowService workflow;
    private final CoreProperties settings;
    private ScheduledExecutorService executor;

    public ScheduledPublishing(WorkflowService workflow, CoreProperties settings) {
        this.workflow = workflow;
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
        executor.scheduleWithFixedDelay(this::runOnce, 0, every, TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            int n = workflow.publishDue();
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
