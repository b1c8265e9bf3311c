package org.knead.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    @Test
    void markdownBecomesHtml() {
        String html = MarkdownRenderer.toSafeHtml("## Stretch\n\n* **Slowly**\n* [More](https://example.org)");
        assertThat(html).contains("<h2>Stretch</h2>").contains("<strong>Slowly</strong>")
                .contains("href=\"https://example.org\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "\"><svg onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "![x](javascript:alert(1))"
    })
    void storedXssPayloadsNeverBecomeMarkup(String payload) {
        String html = MarkdownRenderer.toSafeHtml(payload).toLowerCase();
        java.util.regex.Matcher tags = java.util.regex.Pattern.compile("<[^>]*>").matcher(html);
        while (tags.find()) {
            String tag = tags.group();
            assertThat(tag).as("a tag in " + html).doesNotContain("javascript:").doesNotContainPattern("\\son\\w+=")
                    .doesNotStartWith("<script").doesNotStartWith("<iframe").doesNotStartWith("<svg")
                    .doesNotStartWith("<img");
        }
    }
}
