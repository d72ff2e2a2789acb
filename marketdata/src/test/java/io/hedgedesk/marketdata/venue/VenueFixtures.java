package io.hedgedesk.marketdata.venue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The venues' documented payloads kept as test resources under {@code /venue/} (their sources: venue/README.md). */
public final class VenueFixtures {

    private VenueFixtures() {}

    /** The test resource {@code /venue/<name>}. */
    public static String fixture(String name) {
        try (InputStream in = VenueFixtures.class.getResourceAsStream("/venue/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
