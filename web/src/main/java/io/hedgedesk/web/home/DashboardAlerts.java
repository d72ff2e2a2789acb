package io.hedgedesk.web.home;

import io.hedgedesk.persistence.alerts.AlertSettings;
import io.hedgedesk.pricing.alerts.AlertEvaluator;
import io.hedgedesk.pricing.alerts.AlertKind;
import io.hedgedesk.pricing.valuation.HedgeAlert;
import io.hedgedesk.pricing.valuation.PortfolioTotals;
import io.hedgedesk.web.alerts.AlertEngine;
import io.hedgedesk.web.alerts.ConnectionAlerts;
import io.hedgedesk.web.hedge.AlertWords;
import io.hedgedesk.web.hedge.book.HedgeSnapshot;
import io.hedgedesk.web.hedge.book.HedgeTracker;
import io.hedgedesk.web.view.Times;
import io.hedgedesk.web.view.Words;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the dashboard shows of alerts and totals: each hedge's current alerts under its thresholds, grouped by severity
 * (liquidation and stops, then drift and funding, then the exchange connections of the user's teams), each linked to
 * its hedge (a connection to its team's connections page), without those the user acknowledged or
 * snoozed; one banner for old market data (and coins without a price) instead of a line per hedge; and per portfolio
 * the hedges' totals.
 *
 * @param groups   the non-empty severity groups, most urgent first
 * @param staleBanner the one line about old or missing market data, or empty
 * @param hidden   alerts not listed because acknowledged or snoozed
 * @param totals   per portfolio with open hedges, in the book's order
 */
record DashboardAlerts(List<Group> groups, String staleBanner, int hidden, List<Totals> totals) {

    /** One severity group. */
    record Group(String title, String css, List<Line> lines) {}

    /**
     * One alert of one hedge or of one exchange connection of a team, which the user may acknowledge or snooze.
     *
     * @param hedgeId the hedge's id (0 for a connection)
     * @param connectionId the connection's id (0 for a hedge)
     * @param href    where it links: the hedge's page, or the team's connections
     * @param hedge   what it is about: the hedge or the connection, by name
     * @param portfolio the hedge's portfolio, or the connection's team
     */
    record Line(
            long hedgeId, long connectionId, String kind, String href, String hedge, String portfolio, String text) {

        /** The key of the user's acknowledgement or snooze of it ({@link AlertSettings#acks}). */
        String ackKey() {
            return (hedgeId > 0 ? hedgeId : "connection:" + connectionId) + ":" + kind;
        }
    }

    /** Whether the user acknowledged the alert (until it re-arms) or snoozed it until after {@code now}. */
    private static boolean hidden(AlertSettings.Ack ack, Instant now) {
        return ack != null
                && (ack.acknowledged() || ack.snoozedUntil().map(now::isBefore).orElse(false));
    }

    /** A portfolio's totals row. */
    record Totals(long portfolioId, String portfolio, PortfolioTotals sums) {

        public BigDecimal notionalUsd() {
            return sums.notionalUsd();
        }

        public BigDecimal marginUsd() {
            return sums.marginUsd();
        }

        public BigDecimal unrealizedUsd() {
            return sums.unrealizedPnlUsd();
        }

        public BigDecimal fundingUsd() {
            return sums.fundingUsd();
        }

        public int unpriced() {
            return sums.unpriced();
        }
    }

    /**
     * @param connections the user's teams' exchange connections, measured
     * @param teamNames   the user's teams' names, by id
     */
    static DashboardAlerts of(
            HedgeTracker.OpenBook book,
            List<AlertEngine.Evaluated> evaluated,
            List<ConnectionAlerts.Evaluated> connections,
            Map<Long, String> teamNames,
            Map<String, AlertSettings.Ack> acks,
            Instant now) {
        Map<AlertKind.Severity, List<Line>> bySeverity = new LinkedHashMap<>();
        TreeSet<String> staleCoins = new TreeSet<>();
        int staleHedges = 0;
        Optional<BigDecimal> oldest = Optional.empty();
        int hidden = 0;
        List<Line> alarms = new ArrayList<>();
        for (AlertEngine.Evaluated e : evaluated) {
            HedgeSnapshot s = e.snapshot();
            long id = s.access().hedge().id();
            for (AlertEvaluator.Check c : e.checks()) {
                if (!c.alarm()) {
                    continue;
                }
                if (c.kind().severity() == AlertKind.Severity.DATA_AGE) {
                    staleHedges++;
                    staleCoins.add(s.access().instrument().baseAsset().symbol());
                    oldest = Optional.of(oldest.map(o -> o.max(c.value())).orElse(c.value()));
                    continue;
                }
                alarms.add(new Line(
                        id,
                        0,
                        c.kind().name(),
                        "/hedges/" + id,
                        "#" + id + " " + s.access().instrument().id() + " "
                                + Words.sideWords(s.access().hedge().side().name()),
                        s.access().portfolio().portfolio().name(),
                        AlertWords.title(c.kind()) + ": " + AlertWords.of(c)));
            }
        }
        for (ConnectionAlerts.Evaluated e : connections) {
            long id = e.connection().id();
            for (AlertEvaluator.Check c : e.checks()) {
                if (!c.alarm()) {
                    continue;
                }
                alarms.add(new Line(
                        0,
                        id,
                        c.kind().name(),
                        "/teams/" + e.connection().teamId() + "/connections",
                        e.label(),
                        teamNames.getOrDefault(e.connection().teamId(), ""),
                        AlertWords.title(c.kind()) + ": " + e.text(c)));
            }
        }
        for (Line l : alarms) {
            if (hidden(acks.get(l.ackKey()), now)) {
                hidden++;
            } else {
                bySeverity
                        .computeIfAbsent(AlertKind.valueOf(l.kind()).severity(), k -> new ArrayList<>())
                        .add(l);
            }
        }
        List<Group> groups = new ArrayList<>();
        for (AlertKind.Severity severity : AlertKind.Severity.values()) {
            List<Line> lines = bySeverity.get(severity);
            if (lines != null) {
                groups.add(new Group(
                        switch (severity) {
                            case LIQUIDATION_AND_STOPS -> "Liquidation and stops";
                            case DRIFT -> "Coverage drift and funding";
                            case CONNECTIONS -> "Exchange connections";
                            case DATA_AGE -> "Market data";
                        },
                        severity.name().toLowerCase(java.util.Locale.ROOT),
                        lines));
            }
        }
        TreeSet<String> unpriced = new TreeSet<>();
        book.alerts().stream()
                .filter(a -> a.alert().kind() == HedgeAlert.Kind.NO_PRICE)
                .forEach(a -> unpriced.add(a.alert().asset()));
        String banner = "";
        if (staleHedges > 0) {
            banner = "Market data is older than the alert threshold for " + staleHedges
                    + (staleHedges == 1 ? " hedge" : " hedges")
                    + " (" + String.join(", ", staleCoins) + "; the oldest "
                    + Times.age(Duration.ofMinutes(oldest.get()
                                    .multiply(BigDecimal.valueOf(60))
                                    .longValue()))
                            .replace(" ago", "")
                    + " old): enter a price on a hedge's page"
                    + " or wait for the next stored close.";
        }
        if (!unpriced.isEmpty()) {
            banner = (banner.isEmpty() ? "" : banner + " ") + "No price is known for " + String.join(", ", unpriced)
                    + ".";
        }
        Map<Long, Totals> totals = new LinkedHashMap<>();
        for (HedgeSnapshot s : book.hedges()) {
            long pid = s.access().hedge().portfolioId();
            Totals t = totals.getOrDefault(
                    pid, new Totals(pid, s.access().portfolio().portfolio().name(), PortfolioTotals.NONE));
            totals.put(
                    pid,
                    new Totals(
                            pid,
                            t.portfolio(),
                            t.sums()
                                    .plus(
                                            s.access().instrument(),
                                            s.access().hedge().size(),
                                            s.access().hedge().margin(),
                                            s.fundingActual(),
                                            s.mark().map(m -> m.price()),
                                            s.unrealizedPnlUsd())));
        }
        return new DashboardAlerts(groups, banner, hidden, List.copyOf(totals.values()));
    }
}
