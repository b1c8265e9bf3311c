package org.knead.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.knead.content.Content;
import org.knead.content.ContentHash;
import org.knead.content.ContentRef;
import org.knead.revision.Item;
import org.knead.revision.ItemStatus;
import org.knead.revision.Revision;
import org.knead.revision.RevisionState;
import org.knead.testing.CoreTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code ./knead import FILE}: a refused file prints its report, writes nothing and ends the process with 1. */
@SpringBootTest(classes = CoreTestApplication.class, properties = "knead.transfer.exit=false")
@ExtendWith(OutputCaptureExtension.class)
class TransferCommandTest {

    @Autowired TransferCommand command;
    @Autowired MongoTemplate mongo;

    @DynamicPropertySource
    static void file(DynamicPropertyRegistry registry) {
        registry.add("knead.transfer.import", TransferCommandTest::writeFile);
    }

    private static String writeFile() {
        Instant then = Instant.parse("2025-01-02T03:04:05Z");
        Content good = ContentImportTest.technique("good", "Good");
        Content bad = ContentImportTest.technique("bad", "Bad");
        ContentExport export = new ContentExport(ContentExport.FORMAT, ContentExport.VERSION, then, List.of(
                item(good, ContentHash.of(good), then), item(bad, ContentHash.of(good), then)));
        try {
            Path file = Files.createTempFile("knead-import", ".json");
            file.toFile().deleteOnExit();
            Files.write(file, ContentImportTest.JSON.writeValueAsBytes(export));
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ContentExport.ItemExport item(Content c, String hash, Instant then) {
        ContentRef ref = c.ref();
        return new ContentExport.ItemExport(new Item(ref.id(), ref.type(), ref.slug(), c.title(), 1, "mallory", then,
                RevisionState.DRAFT, null, null, ItemStatus.ACTIVE, null, null, false, false, then, "mallory", null, null, List.of()),
                List.of(new Revision(Revision.idOf(ref.id(), 1), ref.id(), ref.type(), ref.slug(), 1, c, hash,
                        "mallory", then, "", null, null, RevisionState.DRAFT, List.of(), null)));
    }

    @Test
    void aRefusedFileEndsWithOneAndWritesNothing(CapturedOutput output) {
        assertThat(command.exitCode()).isEqualTo(1);
        assertThat(mongo.count(new Query(), Item.class)).isZero();
        assertThat(mongo.count(new Query(), Revision.class)).isZero();
        assertThat(output.getOut())
                .contains("REFUSED  technique:bad#1: its content hash does not match its content")
                .contains("import   technique:good: 1 revision, as drafts.")
                .contains("Refused: 1 problem in 1 item of the file; nothing was written.");
    }
}
