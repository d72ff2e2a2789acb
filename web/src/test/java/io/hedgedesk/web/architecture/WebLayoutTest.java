package io.hedgedesk.web.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Where things live in {@code web} (docs: style.md, "Where things live"), checked on the sources of
 * {@code web/src/main/java}: no database access (tables are read and written in {@code persistence}), no class past
 * 300 lines, no rounding outside the one display formatter.
 */
class WebLayoutTest {

    private static final Path MAIN = Path.of("src/main/java");

    /** Longest main class, in lines. */
    private static final int MAX_LINES = 300;

    /** The display formatter: the one place where a value is rounded for people. */
    private static final String DISPLAY = "io/hedgedesk/web/view/Display.java";

    /** JPA, JDBC, Panache, Hibernate, the connection pool and the driver: the database's own APIs. */
    private static final Pattern DATABASE = Pattern.compile(
            "\\b(jakarta\\.persistence|java\\.sql|io\\.quarkus\\.hibernate|org\\.hibernate|io\\.agroal|org\\.postgresql)\\.");

    @Test
    void webNeverTouchesTheDatabaseDirectly() {
        Map<String, String> offenders = new TreeMap<>();
        sources()
                .forEach((file, text) ->
                        DATABASE.matcher(text).results().findFirst().ifPresent(m -> offenders.put(file, m.group())));
        assertThat(offenders)
                .as("web classes using a database API (move the SQL to persistence)")
                .isEmpty();
    }

    @Test
    void noWebClassPassesThreeHundredLines() {
        Map<String, Integer> offenders = new TreeMap<>();
        sources().forEach((file, text) -> {
            int lines = text.split("\n", -1).length - (text.endsWith("\n") ? 1 : 0);
            if (lines > MAX_LINES) {
                offenders.put(file, lines);
            }
        });
        assertThat(offenders)
                .as("web classes longer than %d lines (split them by role)", MAX_LINES)
                .isEmpty();
    }

    @Test
    void valuesAreRoundedForPeopleOnlyByTheDisplayFormatter() {
        List<String> offenders = sources().entrySet().stream()
                .filter(e -> e.getValue().contains("setScale"))
                .map(Map.Entry::getKey)
                .filter(file -> !file.equals(DISPLAY))
                .toList();
        assertThat(offenders)
                .as("web classes calling setScale outside %s", DISPLAY)
                .isEmpty();
    }

    @Test
    void theChecksSeeTheSources() {
        // a wrong working directory would make every check above pass on nothing
        assertThat(sources())
                .containsKey("io/hedgedesk/web/error/ErrorMapper.java")
                .hasSizeGreaterThan(100);
    }

    /** Every main source of web: path relative to {@code src/main/java} with '/' separators → text. */
    private static Map<String, String> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            Map<String, String> texts = new TreeMap<>();
            files.filter(p -> p.toString().endsWith(".java"))
                    .forEach(p -> texts.put(MAIN.relativize(p).toString().replace('\\', '/'), read(p)));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
