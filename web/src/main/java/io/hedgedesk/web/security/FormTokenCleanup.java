package io.hedgedesk.web.security;

import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.web.config.HedgedeskConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Deletes used single-use form tokens ({@code used_form_token}) older than {@code hedgedesk.form-tokens.keep}
 * (30 days unless configured), every {@code hedgedesk.form-tokens.cleanup-every}. A token only has to outlive the
 * page that carries it: a form re-posted after its token was deleted would be saved again, so the age is far beyond
 * a login session (10 hours at most) and a page left open.
 */
@ApplicationScoped
public class FormTokenCleanup {

    private static final Logger LOG = Logger.getLogger(FormTokenCleanup.class);

    private final FormTokens tokens;
    private final Clock clock;
    private final Duration keep;

    @Inject
    public FormTokenCleanup(FormTokens tokens, Clock clock, HedgedeskConfig config) {
        this(tokens, clock, config.formTokens().keep());
    }

    FormTokenCleanup(FormTokens tokens, Clock clock, Duration keep) {
        if (keep.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException(
                    "hedgedesk.form-tokens.keep must be at least one day (a form's tokens must"
                            + " outlive the page that carries them), not " + keep);
        }
        this.tokens = tokens;
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(
            identity = "form-token-cleanup",
            every = "${hedgedesk.form-tokens.cleanup-every}",
            delayed = "${hedgedesk.form-tokens.cleanup-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deleteOld();
    }

    /** Deletes the tokens used more than {@code keep} ago; returns how many. */
    public int deleteOld() {
        int deleted = tokens.deleteUsedBefore(clock.instant().minus(keep));
        LOG.infof("deleted %d form tokens used more than %s ago", deleted, keep);
        return deleted;
    }
}
