package org.knead.store.bench;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.knead.store.EmbeddedStoreMain;

/**
 * A real full disk, checked by hand (see {@code core/bench/disk-full.sh}, which mounts a small tmpfs):
 * runs the store in a child JVM on DATA_DIR, writes until the disk is full, checks that the store
 * refuses writes with "the store cannot write: disk full" and fails {@code ping}, deletes FILLER to
 * free space, checks that writes are accepted again without a restart, then kills the store (SIGKILL),
 * restarts it and checks that every acknowledged write is there. Prints "acknowledged N, lost M";
 * exits 1 on any loss or unexpected behaviour.
 * <pre>java -cp ... org.knead.store.bench.DiskFullCheck DATA_DIR FILLER</pre>
 */
public final class DiskFullCheck {

    private DiskFullCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path filler = Path.of(args[1]);
        List<String> acknowledged = new ArrayList<>();
        boolean ok = true;
        String payload = "x".repeat(2000);
        Process store = start(dir);
        try (MongoClient client = MongoClients.create(ready(store, dir))) {
            MongoCollection<Document> notes = client.getDatabase("knead").getCollection("notes");
            int refused = 0;
            String firstError = null;
            for (int i = 0; refused < 20 && i < 100_000; i++) {
                try {
                    notes.insertOne(new Document("_id", "n" + i).append("p", payload));
                    acknowledged.add("n" + i);
                } catch (MongoException e) {
                    refused++;
                    firstError = firstError == null ? e.getMessage() : firstError;
                }
            }
            System.out.println("disk full after " + acknowledged.size() + " acknowledged writes; first error: "
                    + firstError);
            ok &= firstError != null && firstError.contains("the store cannot write: disk full");
            String ping = ping(client);
            System.out.println("ping while full: " + ping);
            ok &= ping.contains("the store cannot write: disk full");
            long readable = notes.countDocuments();
            System.out.println("documents readable while full: " + readable);

            Files.delete(filler);
            System.out.println("freed space (deleted " + filler + ")");
            long deadline = System.currentTimeMillis() + 15_000;
            int after = 0;
            while (after < 50 && System.currentTimeMillis() < deadline) {
                try {
                    notes.insertOne(new Document("_id", "after" + after).append("p", payload));
                    acknowledged.add("after" + after);
                    after++;
                } catch (MongoException e) {
                    Thread.sleep(200);
                }
            }
            System.out.println("writes acknowledged after freeing space: " + after + "; ping: " + ping(client));
            ok &= after == 50;
        } finally {
            store.destroyForcibly();
            store.waitFor();
        }
        Process again = start(dir);
        try (MongoClient client = MongoClients.create(ready(again, dir))) {
            MongoCollection<Document> notes = client.getDatabase("knead").getCollection("notes");
            long lost = acknowledged.stream().filter(id -> notes.find(new Document("_id", id)).first() == null).count();
            System.out.println("acknowledged " + acknowledged.size() + ", lost " + lost);
            ok &= lost == 0;
        } finally {
            again.destroyForcibly();
            again.waitFor();
        }
        System.out.println("the store said:");
        for (Path log : LOGS.values()) {
            Files.readAllLines(log).stream().filter(l -> l.contains("DurableBackend") || l.contains("Caused by"))
                    .forEach(l -> System.out.println("  " + l));
            Files.delete(log);
        }
        System.out.println(ok ? "PASS" : "FAIL");
        System.exit(ok ? 0 : 1);
    }

    private static String ping(MongoClient client) {
        try {
            return client.getDatabase("knead").runCommand(new Document("ping", 1)).toJson();
        } catch (MongoException e) {
            return e.getMessage();
        }
    }

    private static Process start(Path dir) throws Exception {
        Path log = Files.createTempFile("knead-diskfull-store", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String logback = System.getProperty("logback.configurationFile", "");
        Process p = new ProcessBuilder(java, "-Dlogback.configurationFile=" + logback,
                "-cp", System.getProperty("java.class.path"),
                EmbeddedStoreMain.class.getName(), dir.toString(), "0", "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LOGS.put(p, log);
        return p;
    }

    private static final java.util.Map<Process, Path> LOGS = new java.util.LinkedHashMap<>();

    private static String ready(Process p, Path dir) throws Exception {
        Pattern ready = Pattern.compile("Knead store ready at (mongodb://\\S+)");
        for (int i = 0; i < 600; i++) {
            String text = Files.readString(LOGS.get(p), StandardCharsets.UTF_8);
            Matcher m = ready.matcher(text);
            if (m.find()) {
                return m.group(1);
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("the store on " + dir + " stopped: " + text);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the store did not start");
    }
}
