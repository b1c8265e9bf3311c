package org.knead.store;

import com.mongodb.MongoCommandException;
import java.util.Objects;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Health of the store: UP when MongoDB (or the embedded store) answers a {@code ping}. Replaces
 * Boot's Mongo indicator, whose {@code hello} command the embedded store does not know. The embedded
 * store answers {@code ping} with an error while it cannot write ("the store cannot write: disk
 * full"), so a full disk turns health DOWN with that reason. Active in the apps, which have Spring
 * Boot Actuator. A change of state is logged with its reason.
 */
@Component("mongoHealthIndicator")
@ConditionalOnClass(HealthIndicator.class)
class StoreHealthIndicator implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(StoreHealthIndicator.class);

    private final MongoTemplate mongo;
    private volatile String lastReason;

    StoreHealthIndicator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Health health() {
        Health health;
        String reason;
        try {
            Document answer = mongo.executeCommand(new Document("ping", 1));
            Object ok = answer.get("ok");
            boolean up = ok instanceof Number n && n.doubleValue() == 1.0;
            reason = up ? null : answer.toJson();
            health = up ? Health.up().build() : Health.down().withDetail("answer", reason).build();
        } catch (RuntimeException e) {
            MongoCommandException answered = commandError(e);
            if (answered != null) { // the store answered with an error: "the store cannot write: disk full"
                reason = answered.getErrorMessage();
                health = Health.down().withDetail("error", reason).build();
            } else {
                reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                health = Health.down().withDetail("error", e.getClass().getSimpleName())
                        .withDetail("reason", String.valueOf(e.getMessage())).build();
            }
        }
        if (!Objects.equals(reason, lastReason)) {
            if (reason == null) {
                LOG.info("The store is UP again");
            } else {
                LOG.warn("The store is DOWN: {}", reason);
            }
            lastReason = reason;
        }
        return health;
    }

    private static MongoCommandException commandError(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MongoCommandException m) {
                return m;
            }
        }
        return null;
    }
}
