package org.knead.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knead.PublicApiApplication;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.publication.PublicationLog;
import org.knead.review.WorkflowService;
import org.knead.revision.ContentService;
import org.knead.revision.Revision;
import org.knead.search.SearchService;
import org.knead.seed.ReferenceImport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Scaling out: two public-api instances on one store each follow the publication log and see a publish. */
class TwoInstancesTest {

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoInstances() throws IOException {
        int storePort;
        try (ServerSocket s = new ServerSocket(0)) {
            storePort = s.getLocalPort();
        }
        first = start("knead.store.backend=memory", "knead.store.port=" + storePort);
        second = start("knead.store.uri=mongodb://127.0.0.1:" + storePort + "/knead");
        first.getBean(ReferenceImport.class).importAll();
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static ConfigurableApplicationContext start(String... store) {
        // command-line arguments: they take precedence over the application's own configuration files
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--knead.core.import-reference=false",
                "--knead.search.index-dir=", "--knead.search.poll-interval=50ms",
                "--knead.api.rate-limit.enabled=false", "--spring.main.banner-mode=off"));
        for (String s : store) {
            args.add("--" + s);
        }
        return new SpringApplicationBuilder(PublicApiApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void bothInstancesSeeAPublishAndAnUnpublish() throws Exception {
        ContentService content = first.getBean(ContentService.class);
        WorkflowService workflow = first.getBean(WorkflowService.class);
        Content c = Content.builder(ContentType.TECHNIQUE, "shared-rub").title("Sharedword Rub")
                .summary("Seen everywhere.").pressure(Pressure.MODERATE).bodyAreas(List.of(BodyArea.UPPER_BACK))
                .relievesSymptoms(List.of("back-pain")).build();
        Revision r = content.create(c, "", Actor.of("anna", Role.EDITOR));
        workflow.submit(r.ref(), 1, Actor.of("anna", Role.EDITOR));
        workflow.approve(r.ref(), 1, "ok", Actor.of("ben", Role.EDITOR));
        workflow.publish(r.ref(), 1, Actor.of("anna", Role.EDITOR));
        awaitBoth();

        for (ConfigurableApplicationContext app : List.of(first, second)) {
            HttpResponse<String> item = get(app, "/api/v1/techniques/shared-rub");
            assertThat(item.statusCode()).as("%s: %s", app == first ? "first" : "second", item.body()).isEqualTo(200);
            assertThat(item.body()).contains("Sharedword Rub");
            assertThat(get(app, "/api/v1/search?q=sharedword").body()).contains("shared-rub");
            assertThat(get(app, "/api/v1/symptoms/back-pain").body()).contains("shared-rub");
        }

        workflow.unpublish(ContentRef.of(ContentType.TECHNIQUE, "shared-rub"), Actor.of("anna", Role.EDITOR));
        awaitBoth();

        for (ConfigurableApplicationContext app : List.of(first, second)) {
            assertThat(get(app, "/api/v1/techniques/shared-rub").statusCode()).isEqualTo(404);
            assertThat(get(app, "/api/v1/search?q=sharedword").body()).doesNotContain("shared-rub");
        }
    }

    private static void awaitBoth() {
        long seq = first.getBean(PublicationLog.class).lastSequence();
        first.getBean(SearchService.class).awaitSequence(seq, Duration.ofSeconds(5));
        second.getBean(SearchService.class).awaitSequence(seq, Duration.ofSeconds(5));
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext app, String path) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
