package io.hedgedesk.web.security.inventory;

import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.HoldingInput;
import io.hedgedesk.domain.team.Member;
import io.hedgedesk.domain.team.Role;
import io.hedgedesk.web.connection.VenueStubResource;
import io.hedgedesk.web.security.inventory.Routes.Route;
import io.hedgedesk.web.support.Teams;
import io.hedgedesk.web.support.UserSession;
import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.htmlunit.util.NameValuePair;

/**
 * One team with one of everything, and people around it: its owner, an editor and a viewer, and an outsider with
 * a team and portfolio of their own. The owner and the outsider administer the installation (they may write market
 * data); the editor and the viewer do not. Every path parameter of the application has a value here ({@link #id}); every
 * state-changing form route has a sample body that the owner could submit successfully ({@link #sample}).
 */
final class World implements AutoCloseable {

    final UserSession owner;
    final UserSession editor;
    final UserSession viewer;
    final UserSession outsider;
    final long teamId;
    final long portfolioId;
    final long holdingId;
    final long hedgeId;
    final long eventId;
    final long invitationId;
    final long editorMembershipId;
    final long outsiderTeamId;
    final long outsiderPortfolioId;
    final long outsiderHoldingId;
    final long outsiderHedgeId;
    /** A market-history import the owner previewed (private to its uploader, whatever the team). */
    final UUID marketImportId;
    /** The team's exchange connection (to the venue stub of the tests). */
    final long connectionId;

    private final Fixtures services;

    World(URL root, Fixtures services, String prefix) throws Exception {
        this.services = services;
        Teams t = services.support();
        owner = UserSession.logInNewAdmin(root, prefix + "Owner");
        editor = UserSession.logInNew(root, prefix + "Editor");
        viewer = UserSession.logInNew(root, prefix + "Viewer");
        outsider = UserSession.logInNewAdmin(root, prefix + "Outsider");
        teamId = t.teamOf(owner);
        t.join(owner, editor, Role.EDITOR);
        t.join(owner, viewer, Role.VIEWER);
        // Their next page loads show the owner's team: make it current, as a user would by switching.
        services.teams().switchTo(services.userId(editor), teamId);
        services.teams().switchTo(services.userId(viewer), teamId);
        long ownerId = services.userId(owner);
        portfolioId = owner.createPortfolio(prefix + "Bags " + UUID.randomUUID());
        holdingId = addBtc(ownerId, portfolioId);
        hedgeId = open(ownerId, portfolioId, holdingId);
        eventId = services.book().events(ownerId, hedgeId).get(0).id();
        invitationId = services.teams()
                .invite(
                        ownerId,
                        teamId,
                        UUID.randomUUID(),
                        "pending-" + UUID.randomUUID() + "@example.com",
                        Role.VIEWER)
                .id();
        editorMembershipId = membership(ownerId, services.userId(editor)).membershipId();

        long outsiderId = services.userId(outsider);
        outsiderTeamId = t.teamOf(outsider);
        outsiderPortfolioId = outsider.createPortfolio(prefix + "Outsider's " + UUID.randomUUID());
        outsiderHoldingId = addBtc(outsiderId, outsiderPortfolioId);
        outsiderHedgeId = open(outsiderId, outsiderPortfolioId, outsiderHoldingId);
        marketImportId = services.marketImports()
                .preview(ownerId, "BTC-USDT-1d.csv", "date,close\n2024-01-01,42000\n", "", "")
                .id();
        connectionId = connect(teamId);
    }

    private long connect(long team) throws Exception {
        String path = "/teams/" + team + "/connections";
        owner.post(
                path,
                "venue",
                "BYBIT",
                "label",
                "Main",
                "apiKey",
                VenueStubResource.API_KEY,
                "secret",
                VenueStubResource.SECRET,
                "formToken",
                UUID.randomUUID().toString());
        return owner.page(path).querySelectorAll("tr[id^=connection-]").stream()
                .mapToLong(row -> Long.parseLong(
                        ((org.htmlunit.html.DomElement) row).getId().substring(11)))
                .max()
                .orElseThrow(() -> new IllegalStateException("the world's exchange connection was not made"));
    }

    private long addBtc(long userId, long portfolio) {
        return services.portfolios()
                .addHolding(
                        userId,
                        portfolio,
                        UUID.randomUUID(),
                        HoldingDraft.parse(new HoldingInput("BTC", false, "0.2", "Cold", "", "", ""), LocalDate.now()))
                .id();
    }

    private long open(long userId, long portfolio, long holding) {
        return services.book()
                .open(
                        userId,
                        UUID.randomUUID(),
                        new OpenHedge(
                                portfolio,
                                "BYBIT:BTCUSD",
                                Side.SHORT,
                                new BigDecimal("10000"),
                                new BigDecimal("50000"),
                                new BigDecimal("2"),
                                new BigDecimal("0.1"),
                                "DEPOSITED",
                                List.of(holding),
                                BigDecimal.ONE,
                                "",
                                new BigDecimal("0.00012"),
                                Optional.empty()));
    }

    private Member membership(long ownerId, long userId) {
        return services.teams().members(ownerId, teamId).stream()
                .filter(m -> m.userId() == userId)
                .findFirst()
                .orElseThrow();
    }

    /** The value of a path parameter: this world's object of that kind. */
    String id(String parameter) {
        return switch (parameter) {
            case "teamId" -> Long.toString(teamId);
            case "portfolioId" -> Long.toString(portfolioId);
            case "holdingId" -> Long.toString(holdingId);
            case "hedgeId" -> Long.toString(hedgeId);
            case "invitationId" -> Long.toString(invitationId);
            case "membershipId" -> Long.toString(editorMembershipId);
            case "id", "contractId" -> "BYBIT:BTCUSD";
            case "importId" -> marketImportId.toString();
            case "connectionId" -> Long.toString(connectionId);
            default ->
                throw new IllegalStateException("no fixture for path parameter {" + parameter + "}: add it to World");
        };
    }

    String path(Route route) {
        return Routes.fill(route, this::id);
    }

    /** Current versions (they move when the owner saves). */
    private long teamVersion() {
        return services.teams().team(services.userId(owner), teamId).team().version();
    }

    private long holdingVersion() {
        Holding h = services.portfolios().holding(services.userId(owner), portfolioId, holdingId);
        return h.version();
    }

    private long hedgeVersion() {
        return services.book().hedge(services.userId(owner), hedgeId).hedge().version();
    }

    /** The stored version of the world's hedge's own alert thresholds ({@code hedge}) or its portfolio's defaults. */
    private long alertThresholdVersion(boolean hedge) {
        io.hedgedesk.persistence.alerts.AlertThresholdStore store = io.quarkus.arc.Arc.container()
                .instance(io.hedgedesk.persistence.alerts.AlertThresholdStore.class)
                .get();
        return hedge
                ? store.hedge(hedgeId).version()
                : store.portfolioDefaults(portfolioId).version();
    }

    private long editorMembershipVersion() {
        return membership(services.userId(owner), services.userId(editor)).version();
    }

    /**
     * A body the owner could submit successfully on a state-changing form route (the planner's record has a digest that
     * only its confirmation page makes: the owner would get a 409 "plan changed" page, never a write).
     */
    List<NameValuePair> sample(Route route) {
        String csvRow = "asset,quantity,venue\nETH,1.5,Kraken\n";
        Map<String, Function<World, String[]>> bodies = Map.ofEntries(
                Map.entry("POST /teams", w -> new String[] {"name", "Another team"}),
                Map.entry("POST /teams/{teamId}/switch", w -> new String[] {}),
                Map.entry("POST /teams/{teamId}/rename", w ->
                        new String[] {"name", "Renamed", "version", Long.toString(w.teamVersion())}),
                Map.entry("POST /teams/{teamId}/invitations", w -> new String[] {
                    "invitee",
                    "new-" + UUID.randomUUID() + "@example.com",
                    "role",
                    "EDITOR",
                    "formToken",
                    UUID.randomUUID().toString()
                }),
                Map.entry("POST /teams/{teamId}/invitations/{invitationId}/revoke", w -> new String[] {}),
                Map.entry("POST /teams/{teamId}/members/{membershipId}/role", w ->
                        new String[] {"role", "VIEWER", "version", Long.toString(w.editorMembershipVersion())}),
                Map.entry("POST /teams/{teamId}/members/{membershipId}/remove", w -> new String[] {}),
                Map.entry("POST /teams/{teamId}/leave", w -> new String[] {}),
                Map.entry("POST /portfolios", w -> new String[] {"name", "Another portfolio"}),
                Map.entry("POST /portfolios/{portfolioId}/prices", w -> new String[] {
                    "priceAsset",
                    "BTC",
                    "price",
                    "60000",
                    "formToken",
                    UUID.randomUUID().toString()
                }),
                Map.entry("POST /portfolios/{portfolioId}/prices/all", w -> new String[] {
                    "asset",
                    "BTC",
                    "price",
                    "60000",
                    "formToken",
                    UUID.randomUUID().toString()
                }),
                Map.entry("POST /portfolios/{portfolioId}/holdings", w -> new String[] {
                    "asset",
                    "ETH",
                    "quantity",
                    "2",
                    "venue",
                    "Kraken",
                    "formToken",
                    UUID.randomUUID().toString()
                }),
                Map.entry("POST /portfolios/{portfolioId}/holdings/{holdingId}", w -> new String[] {
                    "asset", "BTC", "quantity", "0.3", "venue", "Cold", "version", Long.toString(w.holdingVersion())
                }),
                Map.entry("POST /portfolios/{portfolioId}/holdings/{holdingId}/delete", w ->
                        new String[] {"version", Long.toString(w.holdingVersion())}),
                Map.entry("POST /portfolios/{portfolioId}/import", w -> new String[] {"file", csvRow}),
                Map.entry("POST /portfolios/{portfolioId}/import/confirm", w -> new String[] {
                    "csv", csvRow, "formToken", UUID.randomUUID().toString()
                }),
                Map.entry("POST /portfolios/{portfolioId}/hedges", w -> new String[] {
                    "contractId",
                    "BYBIT:BTCUSD",
                    "side",
                    "SHORT",
                    "size",
                    "5000",
                    "entryPrice",
                    "50000",
                    "leverage",
                    "2",
                    "margin",
                    "0.05",
                    "marginSource",
                    "DEPOSITED",
                    "holding",
                    Long.toString(w.holdingId),
                    "targetCoverage",
                    "1",
                    "fee",
                    "0",
                    "formToken",
                    UUID.randomUUID().toString()
                }),
                Map.entry("POST /portfolios/{portfolioId}/plan/record", w -> new String[] {
                    "strategy",
                    "PER_ASSET",
                    "query",
                    "",
                    "digest",
                    "x",
                    "formToken",
                    UUID.randomUUID().toString()
                }),
                Map.entry(
                        "POST /hedges/{hedgeId}/confirm", w -> new String[] {
                            "type", "FUNDING", "amount", "0.001", "version", Long.toString(w.hedgeVersion())
                        }),
                Map.entry("POST /hedges/{hedgeId}/actions", w -> new String[] {
                    "type",
                    "FUNDING",
                    "amount",
                    "0.001",
                    "version",
                    Long.toString(w.hedgeVersion()),
                    "formToken",
                    UUID.randomUUID().toString()
                }),
                // the opening cannot be voided alone: refused on its field, so the world's hedge stays for the other
                // routes
                Map.entry("POST /hedges/{hedgeId}/void", w -> new String[] {
                    "eventId",
                    Long.toString(w.eventId),
                    "reason",
                    "typo",
                    "version",
                    Long.toString(w.hedgeVersion()),
                    "formToken",
                    UUID.randomUUID().toString()
                }),
                Map.entry("POST /hedges/{hedgeId}/targets", w ->
                        new String[] {"stopPrice", "70000", "version", Long.toString(w.hedgeVersion())}),
                Map.entry("POST /hedges/{hedgeId}/mark", w ->
                        new String[] {"mark", "55000", "version", Long.toString(w.hedgeVersion())}),
                Map.entry("POST /hedges/{hedgeId}/alerts", w ->
                        new String[] {"liquidationPct", "15", "version", Long.toString(w.alertThresholdVersion(true))}),
                Map.entry("POST /portfolios/{portfolioId}/alerts", w ->
                        new String[] {"driftPct", "3", "version", Long.toString(w.alertThresholdVersion(false))}),
                Map.entry(
                        "POST /settings/alerts", w -> new String[] {"email", "inventory@example.com", "emailOn", "on"}),
                Map.entry("POST /settings/alerts/test-email", w -> new String[] {}),
                Map.entry("POST /settings/alerts/test-webhook", w -> new String[] {}),
                Map.entry("POST /settings/alerts/installation", w -> new String[] {"allowPrivate", ""}),
                Map.entry("POST /dashboard/alerts", w ->
                        new String[] {"hedgeId", Long.toString(w.hedgeId), "kind", "LIQUIDATION", "action", "snooze"}),
                Map.entry("POST /market/{contractId}/mark", w -> new String[] {"mark", "55000"}),
                Map.entry("POST /market/import", w ->
                        new String[] {"file", "date,close\n2024-01-02,43000\n", "series", "BTC", "source", "test"}),
                Map.entry("POST /market/import/{importId}/confirm", w -> new String[] {}),
                Map.entry("POST /teams/{teamId}/connections", w -> new String[] {
                    "venue",
                    "BINANCE",
                    "label",
                    "Second",
                    "apiKey",
                    VenueStubResource.API_KEY,
                    "secret",
                    VenueStubResource.SECRET,
                    "formToken",
                    UUID.randomUUID().toString()
                }),
                Map.entry("POST /teams/{teamId}/connections/{connectionId}/check", w -> new String[] {}),
                Map.entry("POST /teams/{teamId}/connections/{connectionId}/sync", w -> new String[] {}),
                Map.entry("POST /teams/{teamId}/connections/{connectionId}/delete", w -> new String[] {}),
                Map.entry("POST /teams/{teamId}/connections/{connectionId}/portfolio", w ->
                        new String[] {"portfolio", ""}),
                Map.entry("POST /portfolios/{portfolioId}/statements", w -> new String[] {
                    "file",
                    "Date(UTC),type,Amount,Asset,Symbol,Transaction ID\n2024-01-02 00:00:00,FUNDING_FEE,0.0001,BTC,"
                            + "BTCUSD_PERP,1\n"
                }),
                Map.entry("POST /portfolios/{portfolioId}/statements/{importId}/confirm", w ->
                        new String[] {"hedge", "auto"}),
                Map.entry("POST /market/backfill", w -> new String[] {
                    "kind", "PRICES", "contract", "BYBIT:BTCUSD", "from", "2024-01-01", "to", "2024-01-31"
                }));
        Function<World, String[]> body = bodies.get(route.toString());
        if (body == null) {
            throw new IllegalStateException("no sample body for " + route + ": add one to World.sample");
        }
        return Requests.fields(body.apply(this));
    }

    @Override
    public void close() {
        owner.close();
        editor.close();
        viewer.close();
        outsider.close();
    }
}
