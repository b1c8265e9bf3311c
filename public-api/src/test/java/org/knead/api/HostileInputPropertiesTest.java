package org.knead.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.knead.PublicApiApplication;
import org.knead.publication.PublicationLog;
import org.knead.search.SearchService;
import org.knead.seed.ReferenceImport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Property: no request target, however hostile (Lucene syntax, regex and range fragments, control
 * characters, 10 kB strings, invalid %-escapes and raw non-UTF-8 bytes), is ever answered with a
 * 5xx; and every error is a problem document, also those Tomcat answers before Spring sees the request.
 */
class HostileInputPropertiesTest {

    private static ConfigurableApplicationContext app;
    private static int port;
    private static final Map<Integer, AtomicInteger> STATUSES = new ConcurrentHashMap<>();

    private static final List<String> PATHS = List.of("/api/v1/search?q=", "/api/v1/suggest?q=",
            "/api/v1/search?q=neck&type=", "/api/v1/search?q=neck&bodyArea=", "/api/v1/search?q=neck&pressure=",
            "/api/v1/search?q=neck&page=", "/api/v1/search?q=neck&size=", "/api/v1/techniques?page=",
            "/api/v1/techniques?size=", "/api/v1/techniques?bodyArea=", "/api/v1/techniques?pressure=",
            "/api/v1/techniques/", "/api/v1/symptoms/", "/api/v1/warnings/", "/api/v1/self-care/", "/api/v1/",
            "/api/v1/suggest?limit=3&q=", "/");

    private static final List<String> NASTY = List.of("/[/", "[", "]", "{", "}", "\\", "\"", "\"unterminated",
            "*", "?", "~", "~2", "^3", "title:x", "a AND", "OR OR", "NOT", "(((", ")", "a:b:c", "+-!", "&&", "||",
            "/.*/", "[a TO z]", "{* TO *}", "field:/[/", "%", "%%", "%ZZ", "%C3%28", "%E2%82", "%FF%FE", "%00",
            "%0d%0a", "%2e%2e%2f", "../../etc/passwd", "<script>alert(1)</script>", "'; DROP TABLE x; --",
            "${jndi:ldap://x/a}", "\u0000", "\u0007", "\u001b[31m", "\u202e", "\ud83d\ude00", "\ufffd", "\u00e9",
            "-1", "0", "2147483648", "-2147483649", "1e9", "NaN", "0x10", " ", "\t", ",", ",,,", "null");

    @BeforeContainer
    static void start() {
        app = new SpringApplicationBuilder(PublicApiApplication.class)
                .run("--server.port=0", "--knead.store.backend=memory", "--knead.store.port=0",
                        "--knead.core.import-reference=false", "--knead.search.index-dir=",
                        "--knead.api.rate-limit.enabled=false", "--spring.main.banner-mode=off");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        app.getBean(ReferenceImport.class).importAll();
        app.getBean(SearchService.class).awaitSequence(app.getBean(PublicationLog.class).lastSequence(),
                Duration.ofSeconds(10));
    }

    @AfterContainer
    static void stop() {
        System.out.println("Hostile input answers by status: " + STATUSES);
        if (app != null) {
            app.close();
        }
    }

    @Property(tries = 4000, seed = "20261124")
    void noInputIsAnsweredWithAServerError(@ForAll("targets") byte[] target) {
        RawHttp.Answer answer = RawHttp.get(port, target);
        STATUSES.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();

        assertThat(answer.status()).as("answer to %s", new String(target, StandardCharsets.ISO_8859_1))
                .isBetween(200, 499);
        if (answer.status() >= 400) {
            assertThat(answer.header("content-type")).as("answer to %s: %s",
                    new String(target, StandardCharsets.ISO_8859_1), answer.body()).startsWith("application/problem+json");
        }
    }

    @Provide
    Arbitrary<byte[]> targets() {
        Arbitrary<String> path = Arbitraries.of(PATHS);
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(60)),
                Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(250)),
                Tuple.of(3, Arbitraries.of(NASTY).list().ofMaxSize(6).map(l -> String.join("", l))),
                Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofLength(10_240)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(20)));
        Arbitrary<Integer> encoding = Arbitraries.integers().between(0, 2);
        return Combinators.combine(path, value, encoding).as(HostileInputPropertiesTest::target);
    }

    /** 0: correct %-encoding; 1: raw, only space, CR, LF and '#' escaped; 2: correct encoding plus broken escapes. */
    static byte[] target(String path, String value, int encoding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(path.getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xff;
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || c == '.';
            boolean raw = encoding == 1 && c != ' ' && c != '\r' && c != '\n' && c != '#' && c != '%';
            if (safe || raw) {
                out.write(c);
            } else {
                out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (encoding == 1 && value.contains("%")) {
            out.writeBytes(value.replaceAll("[^%A-Za-z0-9]", "").getBytes(StandardCharsets.US_ASCII));
        }
        if (encoding == 2) {
            out.writeBytes(List.of("%ZZ", "%C3%28", "%", "%E2%82", "%FF", "%G1", "%C0%AF").get(
                    Math.abs(value.hashCode()) % 7).getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }
}
