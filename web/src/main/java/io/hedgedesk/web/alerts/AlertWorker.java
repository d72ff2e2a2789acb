package io.hedgedesk.web.alerts;

import io.hedgedesk.persistence.alerts.AlertOutbox;
import io.hedgedesk.web.config.HedgedeskConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends the outbox's due messages. A batch is claimed with {@code FOR UPDATE SKIP LOCKED} and sent and marked in the
 * same transaction, so with several instances (or threads) each message is sent by one of them. A failure that may pass
 * is retried after 1, 2, 4, … minutes up to {@code hedgedesk.alerts.max-attempts} (5) attempts; a user receives at
 * most {@code hedgedesk.alerts.user-limit-per-hour} (20) messages an hour, the rest waiting (logged as rate-limited).
 * If an instance dies between sending and committing, its messages are sent again by the next claimer (at least once
 * then, exactly once otherwise).
 */
@ApplicationScoped
public class AlertWorker {

    private static final Logger LOG = Logger.getLogger(AlertWorker.class);
    private static final int BATCH = 10;

    private final AlertOutbox outbox;
    private final AlertChannels channels;
    private final Clock clock;
    private final int maxAttempts;
    private final int perHour;

    AlertWorker(AlertOutbox outbox, AlertChannels channels, Clock clock, HedgedeskConfig config) {
        this.outbox = outbox;
        this.channels = channels;
        this.clock = clock;
        this.maxAttempts = config.alerts().maxAttempts();
        this.perHour = config.alerts().userLimitPerHour();
    }

    /** Sends every message due now, batch after batch; returns how many were handled. */
    public int deliverDue() {
        int handled = 0;
        while (true) {
            int n = QuarkusTransaction.requiringNew().timeout(BATCH * 20).call(this::batch);
            if (n == 0) {
                return handled;
            }
            handled += n;
        }
    }

    private int batch() {
        Instant now = clock.instant();
        List<AlertOutbox.Claimed> claimed = outbox.claim(BATCH, now);
        // the users' rows in one order on every instance, so that two batches never wait for each other in a cycle
        claimed.stream().map(AlertOutbox.Claimed::userId).distinct().sorted().forEach(outbox::lockUser);
        for (AlertOutbox.Claimed m : claimed) {
            deliver(m, now);
        }
        return claimed.size();
    }

    private void deliver(AlertOutbox.Claimed m, Instant now) {
        Instant hourAgo = now.minus(Duration.ofHours(1));
        if (outbox.sentSince(m.userId(), hourAgo) >= perHour) {
            Instant next =
                    outbox.oldestSentSince(m.userId(), hourAgo).orElse(now).plus(Duration.ofHours(1));
            outbox.later(
                    m.id(),
                    now,
                    next,
                    "RATE_LIMITED",
                    "more than " + perHour + " messages in an hour; waits until " + next,
                    false);
            return;
        }
        try {
            String answer = channels.send(m);
            outbox.sent(m.id(), clock.instant());
            LOG.debugf("Alert message %d sent by %s: %s", m.id(), m.channel(), answer);
        } catch (DeliveryException e) {
            int attempts = m.attempts() + 1;
            if (e.retryable() && attempts < maxAttempts) {
                Instant next = clock.instant().plus(Duration.ofMinutes(1L << (attempts - 1)));
                outbox.later(m.id(), clock.instant(), next, "RETRY", e.getMessage() + "; next attempt " + next, true);
            } else {
                outbox.failed(m.id(), clock.instant(), e.getMessage());
            }
            LOG.infof("Alert message %d (%s) not delivered: %s", m.id(), m.channel(), e.getMessage());
        }
    }
}
