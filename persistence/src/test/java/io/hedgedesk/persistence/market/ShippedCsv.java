package io.hedgedesk.persistence.market;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The shipped CSV text as the tests read it themselves: plain lines, no parser of the code under test. */
final class ShippedCsv {

    private ShippedCsv() {}

    static byte[] bytes(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8).lines().toList();
    }

    /** Number of data rows: lines after the header. */
    static int dataRows(String resource) {
        return lines(resource).size() - 1;
    }

    /** The two fields of the last line, e.g. {@code ["2025-12-31", "87648.21"]}. */
    static String[] lastRow(String resource) {
        List<String> lines = lines(resource);
        return lines.get(lines.size() - 1).split(",");
    }
}
