package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.web.view.Display;
import io.hedgedesk.web.view.Times;
import io.hedgedesk.web.view.Words;

/** One ledger row formatted for the tracking page. */
public record EventView(HedgeEvent event) {

    public long id() {
        return event.id();
    }

    public String type() {
        return Words.of(event.type());
    }

    public String at() {
        return Times.utc(event.occurredAt());
    }

    public String who() {
        return event.actorName();
    }

    public String quantity() {
        return event.quantity().map(Display::quantity).orElse("");
    }

    public String price() {
        return event.price().map(Display::price).orElse("");
    }

    public String cash() {
        return Display.amount(event.cashChange(), event.settlementAsset());
    }

    public String cashUsd() {
        return Display.usd(event.cashChangeUsd());
    }

    public String fee() {
        return event.fee().map(f -> Display.amount(f, event.settlementAsset())).orElse("");
    }

    public String realized() {
        return event.realizedPnl()
                .map(f -> Display.amount(f, event.settlementAsset()))
                .orElse("");
    }

    public String sizeAfter() {
        return Display.quantity(event.sizeAfter());
    }

    public String corrects() {
        return event.correctsEventId().map(id -> "corrects #" + id).orElse("");
    }

    public String note() {
        return event.note();
    }

    /** Voided as recorded by mistake: shown struck through. */
    public boolean voided() {
        return event.voided();
    }

    /** Whether the void form offers it alone: a funding, fee or note not voided yet. */
    public boolean voidable() {
        return !event.voided()
                && switch (event.type()) {
                    case FUNDING, FEE, NOTE -> true;
                    default -> false;
                };
    }
}
