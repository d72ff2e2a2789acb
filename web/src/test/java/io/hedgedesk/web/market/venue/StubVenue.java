package io.hedgedesk.web.market.venue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hedgedesk.marketdata.venue.VenueFixtures;
import io.hedgedesk.marketdata.venue.VenueSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server standing in for a venue (the JDK's server, on a free loopback port): answers queued per path,
 * the last one repeated; records every request. An answer can be held until the stub closes, to provoke time-outs.
 */
public final class StubVenue implements AutoCloseable {

    /** One canned answer. */
    public record Answer(int status, String body, Map<String, String> headers, boolean hold) {

        public static Answer ok(String body) {
            return new Answer(200, body, Map.of(), false);
        }

        public static Answer status(int status, String body) {
            return new Answer(status, body, Map.of(), false);
        }

        public Answer header(String name, String value) {
            Map<String, String> more = new HashMap<>(headers);
            more.put(name, value);
            return new Answer(status, body, more, hold);
        }

        /** Never answered until the stub closes. */
        public static Answer silent() {
            return new Answer(200, "{}", Map.of(), true);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    private final List<URI> requests = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());

    public StubVenue() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code path} with these, in order, repeating the last. */
    public synchronized StubVenue on(String path, Answer... sequence) {
        answers.put(path, new ArrayDeque<>(List.of(sequence)));
        return this;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<URI> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The pauses between consecutive requests, as the stub saw them (the retries' back-off plus the round trips). */
    public List<Duration> pauses() {
        synchronized (arrivals) {
            List<Duration> pauses = new ArrayList<>();
            for (int i = 1; i < arrivals.size(); i++) {
                pauses.add(Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 1)));
            }
            return pauses;
        }
    }

    /** Settings with a short read time-out and a {@code Retry-After} honoured up to 30 s. */
    public VenueSettings settings() {
        return settings(Duration.ofMillis(500));
    }

    /** {@link #settings()} with another read time-out. */
    public VenueSettings settings(Duration readTimeout) {
        return new VenueSettings(baseUri(), Duration.ofSeconds(2), readTimeout, Duration.ofSeconds(30));
    }

    /** A venue payload kept as a test resource ({@link VenueFixtures}). */
    public static String fixture(String name) {
        return VenueFixtures.fixture(name);
    }

    private void handle(HttpExchange exchange) throws IOException {
        arrivals.add(System.nanoTime());
        requests.add(exchange.getRequestURI());
        Answer answer;
        synchronized (this) {
            Deque<Answer> queue = answers.get(exchange.getRequestURI().getPath());
            answer = queue == null
                    ? Answer.status(404, "{\"code\":-1,\"msg\":\"no stub\"}")
                    : queue.size() > 1 ? queue.poll() : queue.peek();
        }
        if (answer.hold()) {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        try {
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // the client gave up (time-out test)
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
