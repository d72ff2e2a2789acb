package io.hedgedesk.web.planner;

import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The planner's inputs as they travel in its addresses: the query string read, cut and written back. */
final class PlanQuery {

    static final int MAX_QUERY = 4000;

    private PlanQuery() {}

    /** The confirmation page's address with its submission key. */
    static String confirmPath(long portfolioId, PlanRecorder.Strategy strategy, String query, UUID key) {
        return "/portfolios/" + portfolioId + "/plan/confirm?strategy=" + strategy.name() + "&query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&key=" + key;
    }

    /** The submission key in the address, if it is one. */
    static Optional<UUID> key(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The request's query string as typed (still encoded), or empty. */
    static String raw(UriInfo uri) {
        String raw = uri.getRequestUri().getRawQuery();
        return raw == null ? "" : raw;
    }

    /** A query string as name → values, in order. Over-long queries are cut (they are typed into the URL). */
    static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        String text = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
