package io.hedgedesk.marketdata.account;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A local Bybit v5 + Binance stand-in on a free port: it checks each request's signature exactly as the venue
 * documents it (refusing a wrong one with the venue's own error body) and serves the documented payloads.
 */
public final class VenueStub implements AutoCloseable {

    /** A canned answer: status, body, extra headers. */
    public record Answer(int status, String body, Map<String, String> headers) {}

    private final HttpServer server;
    private final String apiKey;
    private final String secret;
    private final Map<String, String> bodies = new HashMap<>();
    private final Map<String, Deque<Answer>> queued = new HashMap<>();
    private final List<Object[]> conditional = new CopyOnWriteArrayList<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public VenueStub(String apiKey, String secret) {
        this.apiKey = apiKey;
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * The body served at {@code path?query}: of the keys naming the path with query parameters
     * ({@code /x?category=linear&cursor=p2}), the one with most parameters that the request all carries; else the
     * path's own.
     */
    private String body(String path, String query) {
        Set<String> params = Set.of(query.split("&"));
        return bodies.entrySet().stream()
                .filter(e -> e.getKey().startsWith(path + "?")
                        && params.containsAll(
                                List.of(e.getKey().substring(path.length() + 1).split("&"))))
                .max(Comparator.comparingInt(e -> e.getKey().split("&").length))
                .map(Map.Entry::getValue)
                .orElse(bodies.get(path));
    }

    /**
     * Serves {@code resource} (under /account/) at {@code path} once the signature checks; {@code path} may end with
     * the start of a query ({@code /v5/position/list?category=linear}) to serve one variant.
     */
    public VenueStub serve(String path, String resource) {
        bodies.put(path, read(resource));
        return this;
    }

    /**
     * Serves the documented fill and cash lists: Bybit executions (LTCUSDT linear over two pages, the inverse list
     * empty) and transaction log, Binance LTCUSD_PERP trades (other contracts: none) and income.
     */
    public VenueStub withHistory() {
        return serve("/v5/execution/list", "bybit-executions-empty.json")
                .serve("/v5/execution/list?category=linear", "bybit-executions-linear-1.json")
                .serve("/v5/execution/list?category=linear&cursor=page-2", "bybit-executions-linear-2.json")
                .serve("/v5/account/transaction-log", "bybit-transaction-log.json")
                .serve("/dapi/v1/userTrades", "binance-empty-list.json")
                .serve("/dapi/v1/userTrades?symbol=LTCUSD_PERP", "binance-user-trades-ltc.json")
                .serve("/dapi/v1/income", "binance-income.json");
    }

    /** The next request to {@code path} gets {@code answer} instead (after the signature check). */
    public VenueStub once(String path, Answer answer) {
        queued.computeIfAbsent(path, p -> new ArrayDeque<>()).add(answer);
        return this;
    }

    /** The first request to {@code path} whose query passes {@code when} gets {@code answer} instead. */
    public VenueStub onceWhen(String path, Predicate<String> when, Answer answer) {
        conditional.add(new Object[] {path, when, answer});
        return this;
    }

    /** The value of parameter {@code name} in {@code query}, or -1. */
    public static long param(String query, String name) {
        for (String p : query.substring(query.indexOf('?') + 1).split("&")) {
            if (p.startsWith(name + "=")) {
                return Long.parseLong(p.substring(name.length() + 1));
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private synchronized Answer conditional(String path, String query) {
        for (Object[] c : conditional) {
            if (c[0].equals(path) && ((Predicate<String>) c[1]).test(query)) {
                conditional.remove(c);
                return (Answer) c[2];
            }
        }
        return null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery() == null
                ? ""
                : exchange.getRequestURI().getRawQuery();
        requests.add(path + "?" + query);
        Answer answer =
                path.startsWith("/v5/") ? bybitSignatureError(exchange, query) : binanceSignatureError(exchange, query);
        if (answer == null) {
            Deque<Answer> next = queued.get(path);
            Answer when = conditional(path, query);
            if (when != null) {
                answer = when;
            } else if (next != null && !next.isEmpty()) {
                answer = next.poll();
            } else if (body(path, query) != null) {
                answer = new Answer(200, body(path, query), Map.of());
            } else {
                answer = new Answer(404, "{\"code\":-1,\"msg\":\"no such path in the stub\"}", Map.of());
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach(exchange.getResponseHeaders()::add);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Answer bybitSignatureError(HttpExchange exchange, String query) {
        var headers = exchange.getRequestHeaders();
        if (!apiKey.equals(headers.getFirst("X-BAPI-API-KEY"))) {
            return new Answer(200, "{\"retCode\":10003,\"retMsg\":\"API key is invalid.\",\"result\":{}}", Map.of());
        }
        String expected = RequestSigner.bybit(
                secret,
                Long.parseLong(headers.getFirst("X-BAPI-TIMESTAMP")),
                apiKey,
                Long.parseLong(headers.getFirst("X-BAPI-RECV-WINDOW")),
                query);
        return expected.equals(headers.getFirst("X-BAPI-SIGN"))
                ? null
                : new Answer(
                        200,
                        "{\"retCode\":10004,\"retMsg\":\"error sign! origin_string[...]\",\"result\":{}}",
                        Map.of());
    }

    private Answer binanceSignatureError(HttpExchange exchange, String query) {
        if (!apiKey.equals(exchange.getRequestHeaders().getFirst("X-MBX-APIKEY"))) {
            return new Answer(
                    401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}", Map.of());
        }
        int at = query.lastIndexOf("&signature=");
        boolean ok = at > 0
                && RequestSigner.binance(secret, query.substring(0, at))
                        .equals(query.substring(at + "&signature=".length()));
        return ok
                ? null
                : new Answer(400, "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}", Map.of());
    }

    private static String read(String resource) {
        try (InputStream in = VenueStub.class.getResourceAsStream("/account/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /account/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
