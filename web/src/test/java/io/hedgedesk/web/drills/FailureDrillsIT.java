package io.hedgedesk.web.drills;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.support.PackagedApp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Failure drills on the packaged application, against a PostgreSQL cluster of their own ({@link ScratchPostgres}) so
 * that the database can be restarted and crashed: two instances (A on a port the realm allows for the login, B on
 * any free port) share the database and one session secret, and alice logs in once through Keycloak's form on A.
 *
 * <p>No assertion is timed: waits poll for a state (readiness, a number of successful requests) with a generous
 * bound that only turns a hang into a failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailureDrillsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
    private static final Pattern CREATED_ID = Pattern.compile("/(?:portfolios|teams|hedges)/(\\d+)\\?flash=");

    private ScratchPostgres pg;
    private PackagedApp a;
    private PackagedApp b;
    private URI appA;
    private URI appB;
    private DrillSession alice;
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @BeforeAll
    void startClusterAndTwoInstances() throws Exception {
        int portA = Integer.getInteger("it.drills.http.port", 8083);
        try (ServerSocket probe = new ServerSocket(portA, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new AssertionError(
                    "port " + portA + " (it.drills.http.port) is taken; instance A needs it for the "
                            + "login (the realm allows redirects to 8080-8083 only)",
                    e);
        }
        pg = ScratchPostgres.start();
        // One non-default session secret for both instances: a session cookie made by one is readable by the other.
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Map<String, String> env = Map.of(
                "DB_HOST",
                "127.0.0.1",
                "DB_PORT",
                String.valueOf(pg.port()),
                "DB_NAME",
                ScratchPostgres.DATABASE,
                "DB_USER",
                ScratchPostgres.USER,
                "DB_PASSWORD",
                ScratchPostgres.USER,
                "DB_POOL_MAX",
                "5",
                "HEDGEDESK_SESSION_SECRET",
                HexFormat.of().formatHex(secret),
                "HEDGEDESK_ALLOW_DEV_SECRETS",
                "true",
                "HEDGEDESK_LOAD_SHIPPED_MARKET_DATA",
                "false");
        // A first: it migrates the empty database, B then finds it done. The drills need no market history.
        a = PackagedApp.start(with(env, "HTTP_PORT", String.valueOf(portA))).awaitListening();
        awaitReadiness(a, 200);
        b = PackagedApp.start(env).awaitListening();
        awaitReadiness(b, 200);
        appA = a.uri("/");
        appB = b.uri("/");
        alice = DrillSession.logIn(appA, "alice", "alice").withCsrf(appA);
    }

    @AfterAll
    void stopEverything() throws Exception {
        pool.shutdownNow();
        try {
            if (b != null) {
                b.close();
            }
        } finally {
            try {
                if (a != null) {
                    a.close();
                }
            } finally {
                if (pg != null) {
                    pg.close();
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------- (b) sessions

    @Test
    @Order(1)
    void oneLoginIsASessionOnBothInstances() throws Exception {
        for (URI app : List.of(appA, appB)) {
            HttpResponse<String> dashboard = alice.get(app, "/dashboard");
            assertThat(dashboard.statusCode()).as("dashboard on " + app).isEqualTo(200);
            assertThat(dashboard.body()).contains("Signed in as <strong>alice</strong>");
            assertThat(DrillSession.anonymous(app.resolve("/dashboard")).statusCode())
                    .as("without the cookie " + app + " sends to the login")
                    .isEqualTo(302);
        }
        // A write through B is seen through A: one user, one database.
        String name = "Made on B " + UUID.randomUUID();
        HttpResponse<String> created = alice.post(appB, "/teams", "name", name, "formToken", formToken(appB, "/teams"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(alice.get(appA, "/teams").body()).contains(name);
    }

    // ---------------------------------------------------------------------------------- (c) concurrent edits

    @Test
    @Order(2)
    void twoConcurrentEditsOfOneHoldingOneWinsTheOtherSeesTheConflict() throws Exception {
        long portfolio = createPortfolio("Edits");
        long holding = addHolding(portfolio, "edit-race");
        for (int round = 0; round < 3; round++) {
            long version = query("select version from holding where id = ?", holding);
            String path = "/portfolios/" + portfolio + "/holdings/" + holding;
            List<HttpResponse<String>> both = together(
                    () -> alice.post(
                            appA,
                            path,
                            "asset",
                            "BTC",
                            "quantity",
                            "2",
                            "venue",
                            "Ledger",
                            "note",
                            "from A",
                            "version",
                            String.valueOf(version)),
                    () -> alice.post(
                            appB,
                            path,
                            "asset",
                            "BTC",
                            "quantity",
                            "3",
                            "venue",
                            "Ledger",
                            "note",
                            "from B",
                            "version",
                            String.valueOf(version)));

            assertThat(both).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(303, 409);
            HttpResponse<String> lost =
                    both.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            assertThat(lost.body()).contains("changed this holding at", "Nothing was saved");
            String winner = both.get(0).statusCode() == 303 ? "from A" : "from B";
            assertThat(query("select version from holding where id = ?", holding))
                    .isEqualTo(version + 1);
            assertThat(query("select count(*) from holding where id = ? and note = ?", holding, winner))
                    .isEqualTo(1);
            assertThat(query(
                            "select count(*) from audit_event where object_type = 'HOLDING' and object_id = ? "
                                    + "and action = 'UPDATE'",
                            holding))
                    .isEqualTo(round + 1);
        }
    }

    // ------------------------------------------------------------------------------------- (d) double submits

    @Test
    @Order(3)
    void everyCreateFormPostedTwiceSavesOneRecord() throws Exception {
        String team = "Drill team " + UUID.randomUUID();
        twice(
                "team",
                "team-created",
                () -> new Form("/teams", "name", team, "formToken", formToken(appA, "/teams")),
                () -> query("select count(*) from team where name = ?", team));

        // Portfolio names are unique per team: each fresh form names a new one.
        String prefix = "Drill portfolio " + UUID.randomUUID();
        AtomicInteger forms = new AtomicInteger();
        twice(
                "portfolio",
                "portfolio-created",
                () -> new Form(
                        "/portfolios",
                        "name",
                        prefix + " " + forms.incrementAndGet(),
                        "formToken",
                        formToken(appA, "/portfolios")),
                () -> query("select count(*) from portfolio where name like ?", prefix + "%"));
        long portfolio = query("select id from portfolio where name = ?", prefix + " 1");

        String note = "double-" + UUID.randomUUID();
        String holdings = "/portfolios/" + portfolio + "/holdings";
        twice(
                "holding",
                "holding-added",
                () -> new Form(
                        holdings,
                        "asset",
                        "ETH",
                        "quantity",
                        "2",
                        "venue",
                        "Ledger",
                        "note",
                        note,
                        "formToken",
                        formToken(appA, holdings + "/new")),
                () -> query("select count(*) from holding where note = ?", note));

        String hedges = "/portfolios/" + portfolio + "/hedges";
        twice(
                "hedge record",
                "hedge-opened",
                () -> new Form(
                        hedges,
                        "contractId",
                        "BINANCE:BTCUSDT",
                        "side",
                        "SHORT",
                        "size",
                        "0.5",
                        "entryPrice",
                        "60000",
                        "leverage",
                        "2",
                        "margin",
                        "0",
                        "marginSource",
                        "DEPOSITED",
                        "targetCoverage",
                        "1",
                        "fee",
                        "0",
                        "formToken",
                        formToken(appA, hedges + "/new")),
                () -> query("select count(*) from hedge_position where portfolio_id = ?", portfolio));
        long hedge = query("select max(id) from hedge_position where portfolio_id = ?", portfolio);

        twice(
                "funding",
                "hedge-recorded",
                () -> action(hedge, "type", "FUNDING", "amount", "-3.5"),
                () -> query("select count(*) from hedge_event where hedge_id = ? and event_type = 'FUNDING'", hedge));

        // A close ends the hedge, so the sequential pair needs a second one.
        twice(
                "close",
                "hedge-recorded",
                () -> action(openHedge(portfolio), "type", "CLOSE", "quantity", "0.5", "price", "59000"),
                () -> query(
                        "select count(*) from hedge_event e join hedge_position h on h.id = e.hedge_id "
                                + "where h.portfolio_id = ? and e.event_type = 'CLOSE'",
                        portfolio));

        long teamId = query("select id from team where name = ?", team);
        twice(
                "invitation",
                "invited",
                () -> new Form(
                        "/teams/" + teamId + "/invitations",
                        "invitee",
                        "drill-" + UUID.randomUUID() + "@example.com",
                        "role",
                        "VIEWER"),
                () -> query("select count(*) from invitation where team_id = ? and claimed_at is null", teamId));
    }

    /** A form as the browser would post it: the path and its fields (name, value, …). */
    private record Form(String path, String... fields) {}

    /**
     * Posts a freshly loaded form twice at once (one copy to each instance), then a second fresh form twice in a row:
     * each pair adds exactly one record, one of the two answers is the success redirect and neither is a 5xx.
     */
    private void twice(String what, String successFlash, Callable<Form> fresh, Callable<Long> count) throws Exception {
        long before = count.call();
        Form concurrent = fresh.call();
        List<HttpResponse<String>> pair = together(
                () -> alice.post(appA, concurrent.path(), concurrent.fields()),
                () -> alice.post(appB, concurrent.path(), concurrent.fields()));
        assertPair(what + " posted twice at once", successFlash, pair);
        assertThat(count.call()).as(what + " posted twice at once").isEqualTo(before + 1);

        Form sequential = fresh.call();
        HttpResponse<String> first = alice.post(appA, sequential.path(), sequential.fields());
        HttpResponse<String> second = alice.post(appB, sequential.path(), sequential.fields());
        assertPair(what + " posted twice in a row", successFlash, List.of(first, second));
        assertThat(location(first)).as(what + ": the first of two in a row").contains("flash=" + successFlash);
        assertThat(count.call()).as(what + " posted twice in a row").isEqualTo(before + 2);
    }

    private static void assertPair(String what, String successFlash, List<HttpResponse<String>> pair) {
        assertThat(pair)
                .as(what + ": answers")
                .allSatisfy(r -> assertThat(r.statusCode()).isLessThan(500));
        assertThat(pair.stream()
                        .filter(r -> location(r).contains("flash=" + successFlash))
                        .count())
                .as(what + ": one success redirect among "
                        + pair.stream()
                                .map(r -> r.statusCode() + " " + location(r))
                                .toList())
                .isEqualTo(1);
    }

    /** Step 1 of a hedge action (the confirmation page issues its form token), then the form of step 2. */
    private Form action(long hedge, String... fields) throws Exception {
        long version = query("select version from hedge_position where id = ?", hedge);
        List<String> all = new ArrayList<>(List.of(fields));
        all.addAll(List.of("version", String.valueOf(version)));
        HttpResponse<String> confirm = alice.post(appA, "/hedges/" + hedge + "/confirm", all.toArray(String[]::new));
        if (confirm.statusCode() == 303) {
            // the review step is post/redirect/get: its page is at the address the POST answers with
            java.net.URI review =
                    java.net.URI.create(confirm.headers().firstValue("location").orElseThrow());
            confirm = alice.get(
                    appA, review.getRawPath() + (review.getRawQuery() == null ? "" : "?" + review.getRawQuery()));
        }
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        all.addAll(List.of("formToken", token(confirm.body())));
        return new Form("/hedges/" + hedge + "/actions", all.toArray(String[]::new));
    }

    private long openHedge(long portfolio) throws Exception {
        String hedges = "/portfolios/" + portfolio + "/hedges";
        HttpResponse<String> opened = alice.post(
                appA,
                hedges,
                "contractId",
                "BINANCE:BTCUSDT",
                "side",
                "SHORT",
                "size",
                "0.5",
                "entryPrice",
                "60000",
                "leverage",
                "2",
                "margin",
                "0",
                "marginSource",
                "DEPOSITED",
                "targetCoverage",
                "1",
                "fee",
                "0",
                "formToken",
                formToken(appA, hedges + "/new"));
        return createdId(opened);
    }

    // ---------------------------------------------------------------------- (a) database restart and crash

    @Test
    @Order(4)
    void theDatabaseRestartsAndCrashesUnderAStreamOfWritesAndTheAppRecoversWithNothingHalfWritten() throws Exception {
        long portfolio = createPortfolio("Stream");
        long pidA = a.process().pid();
        HoldingStream stream = new HoldingStream(portfolio);
        Future<?> running = pool.submit(stream);
        try {
            stream.awaitSuccesses(3, "before the drills");

            // A clean restart: sessions are cut, the pool must replace its connections by itself.
            pg.restartFast();
            stream.awaitSuccesses(3, "after pg_ctl restart -m fast");
            awaitReadiness(a, 200);

            // A crash: readiness goes DOWN on both instances while the server is gone, pages fail cleanly.
            pg.crash();
            awaitReadiness(a, 503);
            awaitReadiness(b, 503);
            HttpResponse<String> down = alice.get(appA, "/portfolios/" + portfolio);
            assertThat(down.statusCode())
                    .as("a page while the database is down")
                    .isBetween(500, 599);
            assertThat(down.body())
                    .containsIgnoringCase("error id")
                    .doesNotContain("Exception", "\tat ", "org.postgresql");

            pg.startServer();
            awaitReadiness(a, 200);
            awaitReadiness(b, 200);
            stream.awaitSuccesses(3, "after the crash and restart");
        } finally {
            stream.stop = true;
            running.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(a.process().isAlive()).as("instance A was never restarted").isTrue();
        assertThat(a.process().pid()).isEqualTo(pidA);
        assertThat(stream.badErrorPages).as("error pages with internals").isEmpty();

        // Every holding is whole: its row, its form token and its one CREATE audit event, or none of them.
        List<Attempt> attempts = List.copyOf(stream.attempts);
        assertThat(attempts.stream().filter(t -> t.status() != 303))
                .as("some requests failed during the outage")
                .isNotEmpty();
        try (Connection c = pg.connect()) {
            List<String> stored = strings(c, "select note from holding where portfolio_id = ?", portfolio);
            assertThat(stored).as("no holding twice").doesNotHaveDuplicates();
            assertThat(stored)
                    .as("every confirmed holding is stored")
                    .containsAll(attempts.stream()
                            .filter(t -> t.status() == 303)
                            .map(Attempt::note)
                            .toList());
            assertThat(attempts.stream().map(Attempt::note).toList())
                    .as("nothing else is stored")
                    .containsAll(stored);
            assertThat(count(
                            c,
                            "select count(*) from holding h where h.portfolio_id = ? and (select count(*) from "
                                    + "audit_event e where e.object_type = 'HOLDING' and e.action = 'CREATE' and e.object_id = h.id) <> 1",
                            portfolio))
                    .as("holdings without exactly one audit event")
                    .isZero();
            assertThat(count(
                            c,
                            "select count(*) from audit_event e where e.portfolio_id = ? and e.object_type = 'HOLDING' "
                                    + "and not exists (select 1 from holding h where h.id = e.object_id)",
                            portfolio))
                    .as("audit events of holdings that are not stored")
                    .isZero();
            try (PreparedStatement s =
                    c.prepareStatement("select count(*) from used_form_token where token = any (?)")) {
                s.setArray(
                        1,
                        c.createArrayOf(
                                "uuid", attempts.stream().map(Attempt::token).toArray()));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    assertThat(r.getLong(1))
                            .as("form tokens used = holdings stored")
                            .isEqualTo(stored.size());
                }
            }
        }
    }

    private record Attempt(String note, UUID token, int status) {}

    /**
     * Adds holdings one after another to instance A until stopped (at most 5,000 requests or 5 minutes), recording
     * every outcome.
     */
    private final class HoldingStream implements Runnable {

        final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        final List<String> badErrorPages = Collections.synchronizedList(new ArrayList<>());
        final Semaphore successes = new Semaphore(0);
        volatile boolean stop;
        private final long portfolio;

        HoldingStream(long portfolio) {
            this.portfolio = portfolio;
        }

        @Override
        public void run() {
            Instant end = Instant.now().plus(Duration.ofMinutes(5));
            for (int i = 0; i < 5000 && !stop && Instant.now().isBefore(end); i++) {
                String note = "stream-" + i;
                UUID token = UUID.randomUUID();
                int status;
                try {
                    HttpResponse<String> r = alice.post(
                            appA,
                            "/portfolios/" + portfolio + "/holdings",
                            "asset",
                            "BTC",
                            "quantity",
                            "0.1",
                            "venue",
                            "Stream",
                            "note",
                            note,
                            "formToken",
                            token.toString());
                    status = r.statusCode();
                    if (status >= 500
                            && (r.body().contains("Exception") || r.body().contains("\tat "))) {
                        badErrorPages.add(note + ": " + r.body());
                    }
                } catch (Exception e) {
                    status = -1;
                }
                attempts.add(new Attempt(note, token, status));
                if (status == 303) {
                    successes.release();
                } else {
                    pause();
                }
            }
        }

        /** Waits for {@code n} successful writes from now on. */
        void awaitSuccesses(int n, String when) throws InterruptedException {
            successes.drainPermits();
            assertThat(successes.tryAcquire(n, PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .as(n + " holdings saved " + when)
                    .isTrue();
        }

        private void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop = true;
            }
        }
    }

    // ----------------------------------------------------------------------------------------------- helpers

    private long createPortfolio(String prefix) throws Exception {
        return createdId(alice.post(
                appA,
                "/portfolios",
                "name",
                prefix + " " + UUID.randomUUID(),
                "formToken",
                formToken(appA, "/portfolios")));
    }

    private long addHolding(long portfolio, String note) throws Exception {
        String holdings = "/portfolios/" + portfolio + "/holdings";
        HttpResponse<String> added = alice.post(
                appA,
                holdings,
                "asset",
                "BTC",
                "quantity",
                "1",
                "venue",
                "Ledger",
                "note",
                note,
                "formToken",
                formToken(appA, holdings + "/new"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        return query("select id from holding where portfolio_id = ? and note = ?", portfolio, note);
    }

    private String formToken(URI app, String page) throws Exception {
        HttpResponse<String> response = alice.get(app, page);
        assertThat(response.statusCode()).as(page).isEqualTo(200);
        return token(response.body());
    }

    private static String token(String html) {
        Matcher m = FORM_TOKEN.matcher(html);
        assertThat(m.find()).as("a form token on the page").isTrue();
        return m.group(1);
    }

    private static long createdId(HttpResponse<String> response) {
        Matcher m = CREATED_ID.matcher(location(response));
        assertThat(m.find())
                .as("created: " + response.statusCode() + " " + location(response))
                .isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** Runs both requests at the same moment (as far as two threads can) and returns their answers in order. */
    private List<HttpResponse<String>> together(
            Callable<HttpResponse<String>> first, Callable<HttpResponse<String>> second) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Future<HttpResponse<String>> one = pool.submit(() -> {
            go.await();
            return first.call();
        });
        Future<HttpResponse<String>> two = pool.submit(() -> {
            go.await();
            return second.call();
        });
        go.countDown();
        return List.of(
                one.get(PATIENCE.toSeconds(), TimeUnit.SECONDS), two.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
    }

    private static void awaitReadiness(PackagedApp app, int status) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        int last = app.readiness();
        while (last != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            last = app.readiness();
        }
        assertThat(last)
                .as("readiness of the instance on port " + app.httpPort())
                .isEqualTo(status);
    }

    private long query(String sql, Object... params) throws Exception {
        try (Connection c = pg.connect()) {
            return count(c, sql, params);
        }
    }

    private static long count(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as(sql).isTrue();
                return r.getLong(1);
            }
        }
    }

    private static List<String> strings(Connection c, String sql, Object... params) throws Exception {
        List<String> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
        }
        return values;
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(name, value);
        return copy;
    }
}
