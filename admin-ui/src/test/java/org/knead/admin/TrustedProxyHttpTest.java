package org.knead.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditEntry;
import org.knead.audit.AuditLog;
import org.knead.audit.AuditQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Behind a trusted proxy (the test's own address): HTTPS as the proxy saw it, and the client's address. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "knead.web.trusted-proxies=127.0.0.1")
class TrustedProxyHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    AuditLog audit;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Attack: the session cookie was not Secure when served over HTTPS behind a proxy. */
    @Test
    void theSessionCookieIsSecureWhenTheProxyServedHttps() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/login")).header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("JSESSIONID=").containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void aFailedLoginIsAuditedWithTheForwardedClientAddress() throws Exception {
        String name = "proxied" + (System.nanoTime() % 100000);
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", "10.0.0.1, 203.0.113.44")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&password=wrong-password-1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(audit.find(new AuditQuery(name, null, AuditAction.LOGIN_FAILED, null, null), 0, 5))
                .extracting(AuditEntry::origin).containsExactly("203.0.113.44");
    }
}
