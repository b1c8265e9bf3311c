package org.knead.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Over plain HTTP: what is open without a login, and how the session cookie is set. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHttpTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsOpenWithoutLogin() throws Exception {
        HttpResponse<String> response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }

    @Test
    void theConsoleRedirectsToTheLoginPage() throws Exception {
        HttpResponse<String> response = get("/content");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> response = get("/login");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void otherActuatorEndpointsNeedALogin() throws Exception {
        assertThat(get("/actuator/env").statusCode()).isIn(302, 401, 403, 404);
    }

    /** Attack: a forged X-Forwarded-Proto or -For must change nothing when no proxy is trusted. */
    @Test
    void forwardedHeadersAreIgnoredWithoutATrustedProxy() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/login")).header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.5").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("JSESSIONID=").doesNotContainIgnoringCase("Secure"));
    }
}
