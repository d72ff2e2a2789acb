package io.hedgedesk.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.agroal.api.AgroalDataSource;
import io.hedgedesk.persistence.alerts.AlertBatch;
import io.hedgedesk.persistence.alerts.AlertOutbox;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.htmlunit.html.HtmlForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two delivery workers on one PostgreSQL database — two threads claiming the same outbox at once, as two instances
 * would — deliver each message exactly once: the SMTP server (GreenMail) receives one e-mail per alert.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class OutboxConcurrencyTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(
                    ConfigProvider.getConfig()
                            .getOptionalValue("quarkus.mailer.port", Integer.class)
                            .orElse(17107),
                    "127.0.0.1",
                    ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @TestHTTPResource("/")
    URL root;

    @Inject
    AlertOutbox outbox;

    @Inject
    AlertWorker worker;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AlertBatch batch;

    @Test
    void twoWorkersDeliverEachOfFortyAlertsOnce() throws Exception {
        List<UserSession> users = new ArrayList<>();
        try {
            // 40 messages of 4 users (10 each, under the limit of 20 an hour per user), all due now.
            List<String> subjects = new ArrayList<>();
            for (int u = 0; u < 4; u++) {
                UserSession s = UserSession.logInNew(root, "Claimer" + u);
                users.add(s);
                long userId = userId(s.subject);
                for (int i = 0; i < 10; i++) {
                    String subject = "once " + s.subject + " #" + i;
                    subjects.add(subject);
                    outbox.enqueue(
                            null,
                            userId,
                            "EMAIL",
                            "claimer" + u + "-" + s.subject + "@example.com",
                            Optional.empty(),
                            subject,
                            "exactly once",
                            Instant.now());
                }
            }

            int handled = twoWorkers();
            // A send that failed on the way (a loaded machine) waits for its retry: made due now, two workers again.
            for (int round = 0; round < 3 && pending() > 0; round++) {
                execute("update alert_delivery set next_attempt_at = now() where status = 'PENDING'"
                        + " and subject like 'once %'");
                twoWorkers();
            }

            Map<String, Long> received = Arrays.stream(smtp.getReceivedMessages())
                    .map(OutboxConcurrencyTest::subject)
                    .filter(subjects::contains)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(handled).isGreaterThanOrEqualTo(40);
            assertThat(received)
                    .hasSize(40)
                    .allSatisfy(
                            (subject, count) -> assertThat(count).as(subject).isEqualTo(1));
            assertThat(countSent(subjects.get(0).substring(0, 5))).isGreaterThanOrEqualTo(40);
            assertThat(pending()).isZero();
        } finally {
            for (UserSession s : users) {
                s.close();
            }
        }
    }

    /**
     * Two evaluations raising the same alerts at once, as two instances would (the same gates read armed, the same
     * batch of moves): each gate moves once, each alert is stored once with one message per recipient and channel.
     */
    @Test
    void twoEvaluationsRaiseEachOfSixAlertsOnce() throws Exception {
        try (UserSession rio = UserSession.logInNew(root, "Rio")) {
            HtmlForm f = ThresholdPagesTest.form(rio.page("/settings/alerts"), "/settings/alerts");
            f.getInputByName("email").setValue("rio-" + rio.subject + "@example.com");
            f.getInputByName("emailOn").setChecked(true);
            ThresholdPagesTest.submit(f);
            long pid = rio.createPortfolio("Raced");
            long teamId;
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("select team_id from portfolio where id = " + pid)) {
                r.next();
                teamId = r.getLong(1);
            }
            List<AlertBatch.Move> moves = new ArrayList<>();
            List<Long> hedges = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long hedgeId = ThresholdPagesTest.recordHedge(rio, pid);
                hedges.add(hedgeId);
                for (String kind : List.of("STOP", "COVERAGE_DRIFT")) {
                    moves.add(new AlertBatch.Move(
                            AlertBatch.Subject.HEDGE,
                            hedgeId,
                            teamId,
                            Optional.of(pid),
                            kind,
                            AlertOutbox.Gate.ARMED,
                            new AlertOutbox.Gate(true, Optional.of(Instant.now())),
                            BigDecimal.ONE,
                            Optional.of(new AlertBatch.Message("raced " + hedgeId + " " + kind, "once"))));
                }
            }
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(1);
                Callable<Integer> work = () -> {
                    start.await();
                    return QuarkusTransaction.requiringNew()
                            .call(() -> batch.apply(moves, Instant.now()))
                            .size();
                };
                Future<Integer> a = two.submit(work);
                Future<Integer> b = two.submit(work);
                start.countDown();
                assertThat(a.get() + b.get()).isEqualTo(6);
            } finally {
                two.shutdown();
            }
            String ids = hedges.stream().map(String::valueOf).collect(Collectors.joining(","));
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement();
                    ResultSet r =
                            s.executeQuery("select (select count(*) from alert_event where hedge_id in (" + ids + ")),"
                                    + " (select count(*) from alert_delivery d join alert_event e on e.id = d.alert_event_id"
                                    + " where e.hedge_id in (" + ids
                                    + ")), (select count(*) from alert_state where hedge_id in (" + ids
                                    + ") and fired)")) {
                r.next();
                assertThat(List.of(r.getLong(1), r.getLong(2), r.getLong(3))).containsExactly(6L, 6L, 6L);
            }
        }
    }

    /** Two threads claiming the outbox at the same moment, as two instances would; returns the messages handled. */
    private int twoWorkers() throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> work = () -> {
                start.await();
                return worker.deliverDue();
            };
            Future<Integer> a = two.submit(work);
            Future<Integer> b = two.submit(work);
            start.countDown();
            return a.get() + b.get();
        } finally {
            two.shutdown();
        }
    }

    private long pending() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from alert_delivery where status = 'PENDING'"
                        + " and subject like 'once %'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long userId(String subject) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery("select id from app_user where subject = '" + subject.replace("'", "") + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private long countSent(String prefix) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from alert_delivery where status = 'SENT'"
                        + " and subject like '" + prefix + "%'")) {
            r.next();
            return r.getLong(1);
        }
    }
}
