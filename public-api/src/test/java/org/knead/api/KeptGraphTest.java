package org.knead.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knead.api.StandaloneApis.awaitIndex;
import static org.knead.api.StandaloneApis.get;
import static org.knead.api.StandaloneApis.publish;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knead.PublicApiApplication;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.review.WorkflowService;
import org.knead.seed.ReferenceImport;
import org.knead.store.EmbeddedStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An API started from its kept published graph and search index (read on threads of their own while the rest of
 * the application starts) answers exactly as one that read everything from the store, also after publications
 * and an unpublication it did not see while it was stopped.
 */
class KeptGraphTest {

    private static final List<String> PATHS = List.of("/api/v1/techniques?size=100", "/api/v1/symptoms?size=100",
            "/api/v1/causes?size=100", "/api/v1/self-care?size=100", "/api/v1/warnings?size=100",
            "/api/v1/articles?size=100", "/api/v1/techniques?size=100&bodyArea=neck",
            "/api/v1/symptoms/neck-pain", "/api/v1/techniques/kept-graph-rub", "/api/v1/techniques/swedish-massage",
            "/sitemap.xml");

    @TempDir
    Path folder;
    private EmbeddedStore store;

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void anApiStartedFromItsKeptGraphAnswersAsOneThatReadTheStore() throws Exception {
        store = EmbeddedStore.startInMemory("127.0.0.1", 0);
        try (ConfigurableApplicationContext first = startApi("kept")) {
            first.getBean(ReferenceImport.class).importAll();
            awaitIndex(first);
            assertThat(get(first, "/api/v1/techniques/swedish-massage").statusCode()).isEqualTo(200);
        }
        assertThat(folder.resolve("kept.graph.json.gz")).as("kept at shutdown").exists();

        // while it is stopped: a publication linking to a symptom, and an unpublication
        try (ConfigurableApplicationContext other = startApi("other")) {
            publish(other, Content.builder(ContentType.TECHNIQUE, "kept-graph-rub").title("Kept Graph Rub")
                    .summary("Published while the first API was stopped.").pressure(Pressure.GENTLE)
                    .bodyAreas(List.of(BodyArea.NECK)).relievesSymptoms(List.of("neck-pain")).build());
            other.getBean(WorkflowService.class).unpublish(ContentRef.of(ContentType.TECHNIQUE, "swedish-massage"),
                    StandaloneApis.ANNA);
        }

        try (ConfigurableApplicationContext kept = startApi("kept");
                ConfigurableApplicationContext fresh = startApi("fresh")) {
            awaitIndex(kept);
            awaitIndex(fresh);
            assertThat(get(kept, "/api/v1/techniques?size=100").body()).contains("kept-graph-rub")
                    .doesNotContain("swedish-massage");
            assertThat(get(kept, "/api/v1/symptoms/neck-pain").body()).contains("kept-graph-rub");
            for (String path : PATHS) {
                HttpResponse<String> fromKept = get(kept, path);
                HttpResponse<String> fromStore = get(fresh, path);
                assertThat(fromKept.statusCode()).as(path).isEqualTo(fromStore.statusCode());
                assertThat(withoutPort(kept, fromKept.body())).as(path).isEqualTo(withoutPort(fresh, fromStore.body()));
            }
        }
    }

    private ConfigurableApplicationContext startApi(String index) throws IOException {
        Files.createDirectories(folder);
        return new SpringApplicationBuilder(PublicApiApplication.class).run(
                "--server.port=0", "--knead.core.import-reference=false",
                "--knead.store.uri=" + store.connectionString() + "/knead",
                "--knead.search.index-dir=" + folder.resolve(index),
                "--knead.search.poll-interval=50ms", "--knead.api.rate-limit.enabled=false",
                "--spring.main.banner-mode=off");
    }

    /** The sitemap's links name the instance's own port. */
    private static String withoutPort(ConfigurableApplicationContext app, String body) {
        return body.replace(":" + app.getEnvironment().getProperty("local.server.port") + "/", ":PORT/");
    }

}
