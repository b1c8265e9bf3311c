package org.knead.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knead.api.StandaloneApis.awaitIndex;
import static org.knead.api.StandaloneApis.get;
import static org.knead.api.StandaloneApis.publish;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knead.PublicApiApplication;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.seed.ReferenceImport;
import org.knead.testing.StoreProcess;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The store as its own process, killed under a running public API and absent when the API starts: items
 * already read are served without it, the API starts from its kept index and graph, says the store is DOWN,
 * and catches up once the store is back.
 */
class StoreOutageTest {


    @TempDir
    Path folder;
    private Process store;
    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();

    @AfterEach
    void stopAll() {
        apps.forEach(ConfigurableApplicationContext::close);
        if (store != null) {
            store.destroyForcibly();
        }
    }

    @Test
    void readItemsAreServedWhileTheStoreIsDownAndTheApiStartsWithoutItAndCatchesUp() throws Exception {
        int storePort = freePort();
        startStore(storePort);
        ConfigurableApplicationContext first = startApi(storePort);
        first.getBean(ReferenceImport.class).importAll();
        awaitIndex(first);
        HttpResponse<String> read = get(first, "/api/v1/techniques/swedish-massage");
        assertThat(read.statusCode()).isEqualTo(200);

        store.destroyForcibly().waitFor();
        HttpResponse<String> again = get(first, "/api/v1/techniques/swedish-massage");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.headers().firstValue("ETag")).isEqualTo(read.headers().firstValue("ETag"));
        assertThat(again.body()).isEqualTo(read.body());
        HttpResponse<String> neverRead = get(first, "/api/v1/techniques/shiatsu-massage");
        assertThat(neverRead.statusCode()).isEqualTo(503);
        assertThat(neverRead.headers().firstValue("Retry-After")).isPresent();
        first.close();
        apps.remove(first);

        // started while the store is down: from the kept index and graph
        ConfigurableApplicationContext second = startApi(storePort);
        HttpResponse<String> health = get(second, "/actuator/health");
        assertThat(health.body()).contains("\"status\":\"DOWN\"");
        assertThat(health.statusCode()).as("a load balancer sees the instance down").isEqualTo(503);
        HttpResponse<String> search = get(second, "/api/v1/search?q=neck+pain");
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        assertThat(search.body()).contains("neck-pain");
        HttpResponse<String> list = get(second, "/api/v1/techniques");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("swedish-massage");

        // the store comes back: health UP, items read, a publish seen
        startStore(storePort);
        await(() -> get(second, "/actuator/health").body().startsWith("{\"status\":\"UP\""), Duration.ofSeconds(30));
        assertThat(get(second, "/api/v1/techniques/shiatsu-massage").statusCode()).isEqualTo(200);
        publish(second, Content.builder(ContentType.TECHNIQUE, "comeback-rub").title("Comebackword Rub")
                .summary("Seen after the outage.").pressure(Pressure.GENTLE).bodyAreas(List.of(BodyArea.NECK))
                .relievesSymptoms(List.of("neck-pain")).build());
        await(() -> get(second, "/api/v1/search?q=comebackword").body().contains("comeback-rub"), Duration.ofSeconds(10));
        assertThat(get(second, "/api/v1/techniques/comeback-rub").statusCode()).isEqualTo(200);
        assertThat(get(second, "/api/v1/techniques").body()).contains("comeback-rub");
    }

    private void startStore(int port) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(StoreProcess.java()));
        cmd.addAll(StoreProcess.arguments(folder, folder.resolve("store"), port));
        store = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(folder.resolve("store.log").toFile()).start();
        await(() -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }, Duration.ofSeconds(60));
    }

    private ConfigurableApplicationContext startApi(int storePort) throws IOException {
        Files.createDirectories(folder.resolve("index"));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(PublicApiApplication.class).run(
                "--server.port=0", "--knead.core.import-reference=false",
                "--knead.store.uri=mongodb://127.0.0.1:" + storePort + "/knead",
                "--knead.search.index-dir=" + folder.resolve("index").resolve("api"),
                "--knead.search.poll-interval=50ms", "--knead.api.rate-limit.enabled=false",
                "--spring.main.banner-mode=off");
        apps.add(app);
        return app;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
