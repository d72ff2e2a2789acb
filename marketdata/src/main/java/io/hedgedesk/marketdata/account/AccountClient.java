package io.hedgedesk.marketdata.account;

import io.hedgedesk.marketdata.statement.StatementRow;
import java.time.Instant;
import java.util.List;

/**
 * A read-only conversation with one venue account, signed with the account's key. Errors are the domain's
 * market-data errors: {@code VenueRejectedException} for a refused key or signature (not retryable),
 * {@code RateLimitedException} with the pause the venue asked for, {@code VenueUnavailableException} for 5xx.
 */
public interface AccountClient {

    /** What the venue says this client's key may do. */
    KeyPermissions keyPermissions();

    /** Every open position of the account in the venue's perpetuals this client reads (inverse and linear). */
    List<VenuePosition> positions();

    /**
     * The account's rows of {@code stream} from {@code from} (inclusive) to {@code to} (exclusive), every page read, in
     * the export files' row model and keys. The window may not be longer than {@link HistoryStream#WINDOW}.
     *
     * @param symbols the contracts whose fills to read where the venue wants one request per contract (Binance)
     */
    List<StatementRow> history(HistoryStream stream, Instant from, Instant to, List<String> symbols);
}
