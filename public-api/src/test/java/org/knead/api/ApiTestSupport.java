package org.knead.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.knead.PublicApiApplication;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.content.Severity;
import org.knead.publication.PublicationLog;
import org.knead.review.WorkflowService;
import org.knead.revision.ContentService;
import org.knead.revision.Revision;
import org.knead.search.SearchService;
import org.knead.seed.ReferenceImport;
import org.knead.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public API over real HTTP, against the in-memory embedded store holding the reference
 * content. All test classes extending this share one application context (and one store), so
 * tests create items under slugs of their own. The core test-jar's CoreTestApplication, found by
 * scanning org.knead, contributes the {@link MutableClock}.
 */
@AutoConfigureObservability
@SpringBootTest(classes = PublicApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTestSupport {

    protected static final Actor ANNA = Actor.of("anna", Role.EDITOR);
    protected static final Actor BEN = Actor.of("ben", Role.EDITOR);
    protected static final Actor CLARA = Actor.of("clara", Role.CLINICIAN);
    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort protected int port;
    @Autowired protected ContentService content;
    @Autowired protected WorkflowService workflow;
    @Autowired protected PublicationLog publicationLog;
    @Autowired protected SearchService search;
    @Autowired protected ReferenceImport reference;
    @Autowired protected MutableClock clock;

    @BeforeEach
    void referenceContent() {
        if (reference.importAll() > 0) {
            awaitIndex();
        }
    }

    protected void awaitIndex() {
        search.awaitSequence(publicationLog.lastSequence(), Duration.ofSeconds(2));
    }

    protected URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    protected HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }

    protected JsonNode getJson(String pathAndQuery) {
        HttpResponse<String> r = get(pathAndQuery);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return json(r);
    }

    /** Creates, submits, approves (by a second editor, or a clinician where needed) and publishes. */
    protected Revision publish(Content c) {
        Revision r = content.create(c, "test", ANNA);
        return approveAndPublish(r.ref(), r.number(), c.type() == ContentType.WARNING || !c.cautions().isEmpty());
    }

    protected Revision approveAndPublish(ContentRef ref, int number, boolean clinical) {
        workflow.submit(ref, number, ANNA);
        workflow.approve(ref, number, "ok", clinical ? CLARA : BEN);
        Revision published = workflow.publish(ref, number, ANNA);
        awaitIndex();
        return published;
    }

    protected void unpublish(ContentRef ref) {
        workflow.unpublish(ref, ANNA);
        awaitIndex();
    }

    protected static Content technique(String slug, String title, List<String> cautions) {
        return Content.builder(ContentType.TECHNIQUE, slug).title(title).summary("Loosens a stiff neck gently.")
                .body("## How\n\nRub **slowly**.").pressure(Pressure.GENTLE).bodyAreas(List.of(BodyArea.NECK))
                .relievesSymptoms(List.of("neck-pain")).cautions(cautions).aliases(List.of("kneading")).build();
    }

    protected static Content symptom(String slug, String title) {
        return Content.builder(ContentType.SYMPTOM, slug).title(title).summary("What it feels like.").build();
    }

    protected static Content warning(String slug, String title, String advice) {
        return Content.builder(ContentType.WARNING, slug).title(title).summary("A red flag.")
                .severity(Severity.EMERGENCY).action("See a doctor soon.")
                .sources(org.knead.testing.TestSources.nhsBackPain()).advice(advice).triggerSymptoms(List.of("numbness-or-tingling"))
                .triggerPhrases(List.of(title.toLowerCase())).build();
    }
}
