package io.hedgedesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every template stays within the Content-Security-Policy (script-src 'self', style-src 'self'): no inline script,
 * no style element or attribute, no event-handler attribute, no javascript: URL. The browser would block them.
 */
class TemplateCspTest {

    private static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "<script(?![^>]*\\bsrc=)[^>]*>|<style\\b|\\sstyle\\s*=|\\son[a-z]+\\s*=|javascript:",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noInlineScriptStyleOrHandlers() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                Matcher m = FORBIDDEN.matcher(text);
                while (m.find()) {
                    found.add(TEMPLATES.relativize(file) + ": " + m.group());
                }
            }
        }
        assertThat(found).as("inline script/style in templates").isEmpty();
    }

    @Test
    void thePatternCatchesWhatItMust() {
        for (String bad : List.of(
                "<script>alert(1)</script>",
                "<p style=\"color:red\">",
                "<style>p{}</style>",
                "<button onclick=\"x()\">",
                "<a href=\"javascript:x()\">",
                "<SCRIPT type=\"module\">")) {
            assertThat(FORBIDDEN.matcher(bad).find()).as(bad).isTrue();
        }
        for (String good : List.of(
                "<script src=\"/static/app.js\" defer></script>",
                "<p class=\"style\">",
                "<input name=\"onboarding\">",
                "<link rel=\"stylesheet\" href=\"/static/app.css\">")) {
            assertThat(FORBIDDEN.matcher(good).find()).as(good).isFalse();
        }
    }
}
