package org.knead.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The reference of the side-by-side benchmark: plain Lucene behind the JDK's HttpServer, nothing
 * else. It indexes a corpus file (one JSON object a line: path, type, slug, title, summary, body) into
 * one analyzed field (English analyzer, BM25) and answers
 * <ul>
 * <li>{@code GET /search?q=...}: the query's analyzed terms OR-ed, top 10, as small JSON (total, and
 * slug, title, score of each hit);</li>
 * <li>{@code GET /item/{path}}: the stored item by its path, as JSON.</li>
 * </ul>
 * {@code java -Dsun.net.httpserver.nodelay=true -cp ... org.knead.api.bench.PlainLuceneServer PORT CORPUS [THREADS]}
 */
public final class PlainLuceneServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "text";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexSearcher searcher;

    private PlainLuceneServer(Path corpus) throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer));
                BufferedReader in = Files.newBufferedReader(corpus)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode n = JSON.readTree(line);
                Document d = new Document();
                d.add(new StringField("path", n.get("path").asText(), Field.Store.YES));
                d.add(new StoredField("type", n.get("type").asText()));
                d.add(new StoredField("slug", n.get("slug").asText()));
                d.add(new StoredField("title", n.get("title").asText()));
                d.add(new StoredField("summary", n.get("summary").asText()));
                d.add(new StoredField("body", n.get("body").asText()));
                d.add(new TextField(TEXT, n.get("title").asText() + "\n" + n.get("summary").asText() + "\n"
                        + n.get("body").asText(), Field.Store.NO));
                w.addDocument(d);
            }
            w.forceMerge(1);
        }
        searcher = new IndexSearcher(DirectoryReader.open(dir));
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        PlainLuceneServer server = new PlainLuceneServer(Path.of(args[1]));
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        http.setExecutor(Executors.newFixedThreadPool(threads));
        http.createContext("/search", server::search);
        http.createContext("/item/", server::item);
        http.createContext("/health", x -> send(x, 200, "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8)));
        http.start();
        System.out.println("plain Lucene server on port " + port + " with " + server.searcher.getIndexReader().numDocs()
                + " documents");
    }

    private void search(HttpExchange x) throws IOException {
        String raw = x.getRequestURI().getRawQuery();
        String q = "";
        if (raw != null) {
            for (String p : raw.split("&")) {
                if (p.startsWith("q=")) {
                    q = URLDecoder.decode(p.substring(2), StandardCharsets.UTF_8);
                }
            }
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms(q)) {
            b.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD);
        }
        TopDocs top = searcher.search(b.build(), 10);
        StoredFields stored = searcher.storedFields();
        ObjectNode out = JSON.createObjectNode();
        out.put("query", q);
        out.put("total", top.totalHits.value);
        ArrayNode items = out.putArray("items");
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = stored.document(sd.doc, Set.of("type", "slug", "title"));
            items.addObject().put("type", d.get("type")).put("slug", d.get("slug")).put("title", d.get("title"))
                    .put("score", sd.score);
        }
        send(x, 200, JSON.writeValueAsBytes(out));
    }

    private void item(HttpExchange x) throws IOException {
        String path = URLDecoder.decode(x.getRequestURI().getRawPath().substring("/item/".length()), StandardCharsets.UTF_8);
        TopDocs top = searcher.search(new TermQuery(new Term("path", path)), 1);
        if (top.scoreDocs.length == 0) {
            send(x, 404, "{\"status\":404}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Document d = searcher.storedFields().document(top.scoreDocs[0].doc);
        ObjectNode out = JSON.createObjectNode();
        for (String f : new String[] {"type", "slug", "title", "summary", "body"}) {
            out.put(f, d.get(f));
        }
        send(x, 200, JSON.writeValueAsBytes(out));
    }

    private Set<String> terms(String text) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && terms.size() < 16) {
                terms.add(term.toString());
            }
            ts.end();
        }
        return terms;
    }

    private static void send(HttpExchange x, int status, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
        x.close();
    }
}
