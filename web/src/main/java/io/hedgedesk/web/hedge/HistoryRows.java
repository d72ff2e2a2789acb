package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.persistence.hedge.HedgeYears;
import io.hedgedesk.web.hedge.book.LedgerRow;
import io.hedgedesk.web.view.Display;
import io.hedgedesk.web.view.Times;
import io.hedgedesk.web.view.Words;

/** The rows of the hedge history page, formatted for display. */
public final class HistoryRows {

    private HistoryRows() {}

    /** One row of the history table. */
    public record Row(LedgerRow row) {
        public String at() {
            return Times.utc(row.occurredAt());
        }

        public String type() {
            return Words.words(HedgeEventType.class, row.eventType());
        }

        public String side() {
            return Words.words(Side.class, row.side());
        }

        public String status() {
            return Words.words(HedgeStatus.class, row.hedgeStatus());
        }

        public String quantity() {
            return row.quantity().map(Display::quantity).orElse("");
        }

        public String price() {
            return row.price().map(Display::price).orElse("");
        }

        public String cash() {
            return Display.amount(row.cashChange(), row.cashAsset());
        }

        public String cashUsd() {
            return Display.usd(row.cashChangeUsd());
        }

        public String realized() {
            return row.realizedPnl()
                    .map(v -> Display.amount(v, row.cashAsset()))
                    .orElse("");
        }
    }

    /** One calendar year and asset of the summary, formatted. */
    public record YearRow(HedgeYears.Year y) {
        public String realized() {
            return Display.amount(y.realizedPnl(), y.asset());
        }

        public String realizedUsd() {
            return Display.usd(y.realizedPnlUsd());
        }

        public String fees() {
            return Display.amount(y.fees(), y.asset()) + " (" + Display.usd(y.feesUsd()) + ")";
        }

        public String fundingPaid() {
            return Display.amount(y.fundingPaid(), y.asset()) + " (" + Display.usd(y.fundingPaidUsd()) + ")";
        }

        public String fundingReceived() {
            return Display.amount(y.fundingReceived(), y.asset()) + " (" + Display.usd(y.fundingReceivedUsd()) + ")";
        }
    }
}
