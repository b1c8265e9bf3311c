package org.knead.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.Content;
import org.knead.publication.PublicationLog;
import org.knead.review.WorkflowService;
import org.knead.revision.ContentService;
import org.knead.revision.Revision;
import org.knead.search.SearchService;
import org.springframework.context.ConfigurableApplicationContext;

/** What tests that start public APIs of their own do with them: publish through one, wait for its index, ask it. */
final class StandaloneApis {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Actor ANNA = Actor.of("anna", Role.EDITOR);

    private StandaloneApis() {
    }

    /** Creates, submits, approves (another editor) and publishes {@code c} through the app's core services. */
    static void publish(ConfigurableApplicationContext app, Content c) {
        Revision r = app.getBean(ContentService.class).create(c, "", ANNA);
        WorkflowService workflow = app.getBean(WorkflowService.class);
        workflow.submit(r.ref(), r.number(), ANNA);
        workflow.approve(r.ref(), r.number(), "ok", Actor.of("ben", Role.EDITOR));
        workflow.publish(r.ref(), r.number(), ANNA);
    }

    /** Waits until the app's search index has applied the publication log's last entry. */
    static void awaitIndex(ConfigurableApplicationContext app) {
        long seq = app.getBean(PublicationLog.class).lastSequence();
        app.getBean(SearchService.class).awaitSequence(seq, Duration.ofSeconds(20));
    }

    static HttpResponse<String> get(ConfigurableApplicationContext app, String path) {
        String port = app.getEnvironment().getProperty("local.server.port");
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
