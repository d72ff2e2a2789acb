package io.hedgedesk.web.planner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.web.funding.FundingCalculator;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.position.PositionReport;
import io.hedgedesk.web.proxy.BetaCalculator;
import io.hedgedesk.web.sizing.HedgeView;
import io.hedgedesk.web.sizing.ScenarioView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a computed plan into open hedge positions: one {@link OpenHedge} per per-asset leg, or one for the proxy
 * hedge, each carrying the plan's inputs and that leg's outputs as computed (JSON), recorded in one transaction.
 */
@ApplicationScoped
public class PlanRecorder {

    /** Which plan to record. */
    public enum Strategy {
        PER_ASSET,
        PROXY
    }

    private final HedgeBookService book;
    private final ObjectMapper json;
    private final io.hedgedesk.persistence.FormTokens formTokens;

    public PlanRecorder(HedgeBookService book, ObjectMapper json, io.hedgedesk.persistence.FormTokens formTokens) {
        this.book = book;
        this.json = json;
        this.formTokens = formTokens;
    }

    /** What is stored for a per-asset leg: its inputs and outputs as shown (charts left out). */
    record LegRecord(
            String strategy,
            Map<String, List<String>> inputs,
            String asset,
            BigDecimal coins,
            Optional<BigDecimal> spotPrice,
            String priceNote,
            HedgeView hedge,
            PositionReport position,
            Optional<FundingCalculator.FundingView> funding,
            String fundingNote,
            ScenarioView scenarios) {}

    /** What is stored for the proxy hedge. */
    record ProxyRecord(
            String strategy,
            Map<String, List<String>> inputs,
            BetaCalculator.BetaView beta,
            String contract,
            String order,
            BigDecimal contracts,
            BigDecimal hedgePrice,
            LocalDate hedgePriceDate,
            BigDecimal notionalCoins,
            BigDecimal notionalUsd,
            String marginWords,
            PositionReport position,
            Optional<FundingCalculator.FundingView> funding,
            String fundingNote,
            BigDecimal effectivenessPercent,
            String effectivenessLabel,
            BigDecimal residualRiskUsd,
            List<PlanPage.ProxyRow> scenarios) {}

    /**
     * The hedges {@code strategy} would record from {@code page}; empty when that plan has no leg.
     *
     * @param request the inputs the plan was computed from
     */
    public List<OpenHedge> commands(PlanPage page, Strategy strategy, PlanRequest request) {
        Map<String, List<String>> inputs = request.query();
        long portfolioId = page.access().portfolio().id();
        List<OpenHedge> commands = new ArrayList<>();
        if (strategy == Strategy.PER_ASSET) {
            for (PlanPage.AssetLeg leg : page.legs()) {
                if (leg.result().isEmpty()) {
                    continue;
                }
                PlanPage.LegResult r = leg.result().get();
                PlanRequest.AssetRequest input = request.asset(leg.asset());
                String marginSource = input.margin().orElseThrow().name();
                HedgeView h = r.hedge();
                // OpenHedge's margin is in the settlement asset: the coin for inverse, USDT (at 1 USD) for linear. A
                // linear
                // hedge margined with the coin posts that coin as collateral, which stays part of the holder's
                // exposure.
                boolean inverse = h.contract().type().equals("INVERSE");
                BigDecimal margin = inverse ? h.margin().amount() : h.marginUsd();
                BigDecimal collateral = !inverse && !marginSource.equals("STABLECOIN")
                        ? h.margin().amount()
                        : BigDecimal.ZERO;
                commands.add(new OpenHedge(
                        portfolioId,
                        h.contract().id(),
                        Side.SHORT,
                        h.orderSize(),
                        r.position().entryPrice(),
                        r.position().leverage(),
                        margin,
                        marginSource,
                        holdingIds(page, leg.asset()),
                        input.coverage().orElseThrow(),
                        write(new LegRecord(
                                strategy.name(),
                                inputs,
                                leg.asset(),
                                leg.coins(),
                                leg.spotPrice(),
                                leg.priceNote(),
                                h,
                                r.position(),
                                r.funding(),
                                r.fundingNote(),
                                r.scenarios())),
                        r.position().openTakerFee().amount(),
                        Optional.empty(),
                        collateral,
                        Optional.empty()));
            }
        } else if (page.proxy().isPresent()) {
            PlanPage.ProxyPlan p = page.proxy().get();
            PositionReport position = p.position();
            List<Long> ids = page.holdings().stream()
                    .filter(PlanPage.HoldingChoice::selected)
                    .filter(c -> p.beta().components().stream()
                            .anyMatch(b -> b.asset().equals(c.asset())))
                    .map(PlanPage.HoldingChoice::id)
                    .toList();
            commands.add(new OpenHedge(
                    portfolioId,
                    p.contract(),
                    Side.valueOf(position.side()),
                    position.size(),
                    position.entryPrice(),
                    position.leverage(),
                    position.initialMargin().amount(),
                    position.contract().type().equals("INVERSE") ? "EXTRA_COIN" : "STABLECOIN",
                    ids,
                    BigDecimal.ONE,
                    write(new ProxyRecord(
                            strategy.name(),
                            inputs,
                            p.beta(),
                            p.contract(),
                            p.order(),
                            p.contracts(),
                            p.hedgePrice(),
                            p.hedgePriceDate(),
                            p.notionalCoins(),
                            p.notionalUsd(),
                            p.marginWords(),
                            position,
                            p.funding(),
                            p.fundingNote(),
                            p.effectivenessPercent(),
                            p.effectivenessLabel(),
                            p.residualRiskUsd(),
                            p.scenarios())),
                    position.openTakerFee().amount(),
                    Optional.empty(),
                    BigDecimal.ZERO,
                    Optional.of(p.beta().seriesBeta())));
        }
        return commands;
    }

    private static List<Long> holdingIds(PlanPage page, String asset) {
        return page.holdings().stream()
                .filter(c -> c.selected() && c.asset().equals(asset))
                .map(PlanPage.HoldingChoice::id)
                .toList();
    }

    /**
     * Records every command in one transaction, once per submission {@code key}: the key is stored with the plan's
     * {@code subject} and the hedges created, so a repeated submission finds them; a failure leaves nothing recorded.
     * A ledger rule's refusal names the leg's field ({@code openedAt-1}, {@code leverage-0}, …).
     *
     * @return the new hedges' ids
     * @throws io.hedgedesk.persistence.DuplicateSubmissionException when the key was used already
     */
    @Transactional
    public List<Long> record(long actorId, UUID key, String subject, List<OpenHedge> commands) {
        formTokens.consume(key, actorId, subject);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            try {
                ids.add(book.open(actorId, UUID.randomUUID(), commands.get(i)));
            } catch (io.hedgedesk.domain.hedge.InvalidHedgeException e) {
                int leg = i;
                throw new io.hedgedesk.domain.hedge.InvalidHedgeException(e.errors().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                f -> f.getKey() + "-" + leg,
                                Map.Entry::getValue,
                                (a, b) -> a,
                                java.util.LinkedHashMap::new)));
            }
        }
        formTokens.created(key, "hedge", ids, ids.size() == 1 ? "/hedges/" + ids.get(0) : "/hedges");
        return ids;
    }

    /** What a plan is about, for finding an earlier submission of it: portfolio, strategy and inputs. */
    public static String subject(long portfolioId, Strategy strategy, String query) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return "plan:" + portfolioId + ":" + strategy.name() + ":"
                    + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** A fingerprint of what would be recorded, so the confirmed plan and the recorded one are the same. */
    public static String digest(List<OpenHedge> commands) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (OpenHedge c : commands) {
                sha.update((c.contractId() + "|" + c.side() + "|" + c.size().toPlainString() + "|"
                                + c.entryPrice().toPlainString() + "|"
                                + c.leverage().toPlainString() + "|"
                                + c.margin().toPlainString()
                                + "|" + c.holdingIds() + "|" + c.planJson() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the plan could not be written as JSON", e);
        }
    }
}
