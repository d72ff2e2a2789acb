package io.hedgedesk.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.agroal.api.AgroalDataSource;
import io.hedgedesk.persistence.alerts.AlertOutbox;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
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
      ConfigProvider.getConfig().getOptionalValue("quarkus.mailer.port", Integer.class).orElse(17107), "127.0.0.1",
      ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

  @TestHTTPResource("/")
  URL root;

  @Inject
  AlertOutbox outbox;
  @Inject
  AlertWorker worker;
  @Inject
  AgroalDataSource dataSource;

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
          outbox.enqueue(null, userId, "EMAIL", "claimer" + u + "-" + s.subject + "@example.com", Optional.empty(),
              subject, "exactly once", Instant.now());
        }
      }

      int handled = twoWorkers();
      // A send that failed on the way (a loaded machine) waits for its retry: made due now, two workers again.
      for (int round = 0; round < 3 && pending() > 0; round++) {
        execute("update alert_delivery set next_attempt_at = now() where status = 'PENDING'"
            + " and subject like 'once %'");
        twoWorkers();
      }

      Map<String, Long> received = Arrays.stream(smtp.getReceivedMessages()).map(OutboxConcurrencyTest::subject)
          .filter(subjects::contains).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(handled).isGreaterThanOrEqualTo(40);
      assertThat(received).hasSize(40).allSatisfy((subject, count) -> assertThat(count).as(subject).isEqualTo(1));
      assertThat(countSent(subjects.get(0).substring(0, 5))).isGreaterThanOrEqualTo(40);
      assertThat(pending()).isZero();
    } finally {
      for (UserSession s : users) {
        s.close();
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
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("select count(*) from alert_delivery where status = 'PENDING'"
             + " and subject like 'once %'")) {
      r.next();
      return r.getLong(1);
    }
  }

  private void execute(String sql) throws Exception {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
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
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("select id from app_user where subject = '" + subject.replace("'", "") + "'")) {
      r.next();
      return r.getLong(1);
    }
  }

  private long countSent(String prefix) throws Exception {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("select count(*) from alert_delivery where status = 'SENT'"
             + " and subject like '" + prefix + "%'")) {
      r.next();
      return r.getLong(1);
    }
  }
}
