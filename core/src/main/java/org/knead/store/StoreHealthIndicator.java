package org.knead.store;

import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Health of the store: UP when MongoDB (or the embedded store) answers a {@code ping}. Replaces
 * Boot's Mongo indicator, whose {@code hello} command the embedded store does not know. Active in
 * the apps, which have Spring Boot Actuator.
 */
@Component("mongoHealthIndicator")
@ConditionalOnClass(HealthIndicator.class)
class StoreHealthIndicator implements HealthIndicator {

    private final MongoTemplate mongo;

    StoreHealthIndicator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Health health() {
        try {
            Document answer = mongo.executeCommand(new Document("ping", 1));
            Object ok = answer.get("ok");
            return ok instanceof Number n && n.doubleValue() == 1.0 ? Health.up().build()
                    : Health.down().withDetail("answer", answer.toJson()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
