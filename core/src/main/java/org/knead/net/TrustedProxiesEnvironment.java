package org.knead.net;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code knead.web.trusted-proxies} into Tomcat's forwarded-header handling, overriding
 * whatever else is set, so that forwarded headers count only from the listed proxies: with none,
 * {@code server.forward-headers-strategy=none} (Spring Boot would otherwise switch them on when it
 * detects a cloud platform, trusting any private address); with some, Tomcat's RemoteIpValve
 * trusting exactly those. Behind a trusted proxy, the client address (rate limits, audit log,
 * login throttling) comes from {@code X-Forwarded-For}, and {@code X-Forwarded-Proto: https} makes
 * the request secure, which makes the session cookie {@code Secure}.
 */
public class TrustedProxiesEnvironment implements EnvironmentPostProcessor {

    public static final String PROPERTY = "knead.web.trusted-proxies";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        TrustedProxies proxies = TrustedProxies.parse(environment.getProperty(PROPERTY, ""));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("server.tomcat.remoteip.internal-proxies", proxies.regex());
        settings.put("server.tomcat.remoteip.trusted-proxies", "");
        if (proxies.isEmpty()) {
            settings.put("server.forward-headers-strategy", "none");
        } else {
            settings.put("server.forward-headers-strategy", "native");
            settings.put("server.tomcat.remoteip.protocol-header", "X-Forwarded-Proto");
            settings.put("server.tomcat.remoteip.remote-ip-header", "X-Forwarded-For");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("knead-trusted-proxies", settings));
    }
}
