package org.knead.config;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the core, under {@code knead.core}.
 *
 * @param reviewInterval    how long a clinical sign-off is good for before re-review is due
 * @param schedulerInterval how often due scheduled publications are looked for
 * @param importReference   import the reference content on first start with an empty store
 * @param demoUsers         create an editor and a clinician with random passwords, for trying Knead out
 */
@ConfigurationProperties("knead.core")
public record CoreProperties(
        @DefaultValue("P12M") Period reviewInterval,
        @DefaultValue("5s") Duration schedulerInterval,
        @DefaultValue("true") boolean importReference,
        @DefaultValue("false") boolean demoUsers) {
}
