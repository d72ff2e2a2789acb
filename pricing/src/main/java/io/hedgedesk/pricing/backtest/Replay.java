package io.hedgedesk.pricing.backtest;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.pricing.hedge.CoverageCheck;
import io.hedgedesk.pricing.hedge.HedgeLeg;
import io.hedgedesk.pricing.hedge.HedgeOrder;
import io.hedgedesk.pricing.hedge.HedgeRequest;
import io.hedgedesk.pricing.hedge.HedgeSizer;
import io.hedgedesk.pricing.hedge.HedgeState;
import io.hedgedesk.pricing.hedge.MarginSource;
import io.hedgedesk.pricing.perpetual.PerpetualPricingException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** One run of {@link BacktestEngine}: the mutable state of the replay (see the engine for the model). */
final class Replay {

    private static final MathContext MC = MathContext.DECIMAL128;
    /** A drift this close (relative) to the band is checked exactly. */
    private static final double CERTAIN = 1e-9;

    private final BacktestMarket market;
    private final BacktestPolicy policy;
    private final int start;
    private final String[] assets;
    private final BigDecimal[][] closes;
    private final BigDecimal[] startCoins;
    private final BigDecimal[] spot;
    private final List<Leg> legs = new ArrayList<>();
    private final BigDecimal[][] legCloses;
    private final double[][] legClosesD;
    private final double[][] closesD;
    private final double[] spotD;
    private final int[] legAsset;
    /** For each asset, the leg whose {@link Leg#usdWithSpot} counts its spot coins, or −1. */
    private final int[] spotLeg;

    private final ProxyBeta proxyBeta;
    private final List<BacktestEvent> events = new ArrayList<>();
    private BigDecimal cash = BigDecimal.ZERO;
    private BigDecimal fundingUsd = BigDecimal.ZERO;
    private BigDecimal feesUsd = BigDecimal.ZERO;
    private double beta = Double.NaN;
    private final double topUpLevel;
    private int rebalances;
    private int liquidations;
    private int topUps;

    Replay(BacktestMarket market, BacktestPolicy policy) {
        this.market = market;
        this.policy = policy;
        this.start = market.startIndex();
        this.assets = policy.holdings().keySet().stream().sorted().toArray(String[]::new);
        this.closes = new BigDecimal[assets.length][];
        this.startCoins = new BigDecimal[assets.length];
        this.spot = new BigDecimal[assets.length];
        this.closesD = new double[assets.length][];
        this.spotD = new double[assets.length];
        this.spotLeg = new int[assets.length];
        for (int i = 0; i < assets.length; i++) {
            closes[i] = market.closesOf(assets[i]);
            closesD[i] = market.approximateClosesOf(assets[i]);
            startCoins[i] = policy.holdings().get(assets[i]);
            spot[i] = startCoins[i];
            spotD[i] = spot[i].doubleValue();
            spotLeg[i] = -1;
        }
        policy.perAsset().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> legs.add(new Leg(
                        e.getKey(),
                        e.getValue(),
                        market.fundingOf(e.getValue().instrument().id()).orElse(null))));
        policy.proxy()
                .ifPresent(p -> legs.add(new Leg(
                        p.asset(),
                        p.leg(),
                        market.fundingOf(p.leg().instrument().id()).orElse(null))));
        this.legCloses = new BigDecimal[legs.size()][];
        this.legClosesD = new double[legs.size()][];
        this.legAsset = new int[legs.size()];
        for (int l = 0; l < legs.size(); l++) {
            legCloses[l] = market.closesOf(legs.get(l).asset);
            legClosesD[l] = market.approximateClosesOf(legs.get(l).asset);
            legAsset[l] = indexOf(legs.get(l).asset);
            if (legAsset[l] >= 0) {
                spotLeg[legAsset[l]] = l;
            }
        }
        this.topUpLevel = policy.topUp().map(BigDecimal::doubleValue).orElse(0.0);
        this.proxyBeta = policy.proxy()
                .map(p -> new ProxyBeta(closes, startCoins, market.closesOf(p.asset()), p.betaWindow()))
                .orElse(null);
    }

    BacktestResult run() {
        int days = market.days();
        for (int l = 0; l < legs.size(); l++) {
            open(l);
        }
        BigDecimal reserve = cash.negate();
        BigDecimal capital = reserve;
        for (int i = 0; i < assets.length; i++) {
            capital = capital.add(startCoins[i].multiply(closes[i][start]));
        }
        List<DailyPoint> path = new ArrayList<>(days);
        path.add(point(0, reserve));
        for (int t = 1; t < days; t++) {
            for (int l = 0; l < legs.size(); l++) {
                settle(l, t);
            }
            for (int l = 0; l < legs.size(); l++) {
                rebalance(l, t);
            }
            path.add(point(t, reserve));
        }
        return new BacktestResult(
                path,
                capital,
                policy.holdings(),
                events,
                market.gaps(),
                Double.isNaN(beta) ? OptionalDouble.empty() : OptionalDouble.of(beta),
                BacktestMeasures.of(path, capital, rebalances, liquidations, topUps));
    }

    private void open(int l) {
        Leg leg = legs.get(l);
        BigDecimal x = legCloses[l][start];
        BigDecimal size;
        if (policy.proxy().isPresent()) {
            beta = proxyBeta.at(start);
            size = proxySize(leg, x, 0);
        } else {
            int i = legAsset[l];
            HedgeLeg sized = HedgeSizer.DEFAULT.size(new HedgeRequest(
                    Asset.of(leg.asset),
                    spot[i],
                    x,
                    leg.instrument,
                    x,
                    leg.policy.leverage(),
                    leg.policy.marginSource(),
                    leg.policy.targetCoverage(),
                    leg.instrument.takerFeeRate()));
            size = sized.order().size();
        }
        if (size.signum() == 0) {
            event(
                    0,
                    leg,
                    BacktestEvent.Kind.SKIPPED,
                    "the hedge is smaller than one " + leg.instrument.id() + " quantity step: left unhedged");
            return;
        }
        BigDecimal fee = leg.fee(size, x);
        deposit(l, leg.openShort(size, x).add(fee), x);
        pay(leg, fee, x);
        event(
                0,
                leg,
                BacktestEvent.Kind.OPEN,
                "short " + size.toPlainString() + " " + leg.instrument.symbol() + " at " + x.toPlainString());
    }

    /** Funding, liquidation and top-up of leg {@code l} at the close of day {@code t}. */
    private void settle(int l, int t) {
        Leg leg = legs.get(l);
        if (!leg.open()) {
            return;
        }
        BigDecimal x = legCloses[l][start + t];
        double xD = legClosesD[l][start + t];
        if (leg.funding != null && leg.funding[t].signum() != 0) {
            BigDecimal rate = Side.SHORT.fundingToHolder(leg.funding[t]);
            BigDecimal received = rate.multiply(leg.valueOn(t, x), MC);
            leg.credit(received, rate.doubleValue() * leg.valueAtD(xD));
            fundingUsd = fundingUsd.add(leg.fundingUsd(rate, received), MC);
        }
        if (leg.breached(x, xD)) {
            BigDecimal lost = leg.isolated;
            leg.liquidate();
            liquidations++;
            event(
                    t,
                    leg,
                    BacktestEvent.Kind.LIQUIDATION,
                    "liquidated at the close " + x.toPlainString() + ": " + plain(lost) + " "
                            + leg.instrument.settlementAsset() + " of isolated margin lost; unhedged from here");
            return;
        }
        if (policy.topUp().isPresent() && leg.mayNeedTopUp(topUpLevel, xD)) {
            BigDecimal balance = leg.isolated.add(leg.pnl(leg.valueOn(t, x)), MC);
            if (balance.compareTo(policy.topUp().get().multiply(leg.initialMargin, MC)) < 0) {
                BigDecimal added = leg.initialMargin.subtract(balance, MC);
                deposit(l, added, x);
                leg.topUp(added);
                topUps++;
                event(
                        t,
                        leg,
                        BacktestEvent.Kind.TOP_UP,
                        "margin topped up by " + plain(added) + " " + leg.instrument.settlementAsset());
            }
        }
    }

    private void rebalance(int l, int t) {
        Leg leg = legs.get(l);
        Rebalancing rule = policy.rebalancing();
        if (leg.liquidated
                || rule.kind() == Rebalancing.Kind.NEVER
                || rule.kind() == Rebalancing.Kind.EVERY_N_DAYS && t - leg.lastResize < rule.everyDays()) {
            return;
        }
        BigDecimal x = legCloses[l][start + t];
        if (policy.proxy().isPresent()) {
            if (policy.proxy().get().betaMode() == BacktestPolicy.BetaMode.ROLLING) {
                beta = proxyBeta.at(start + t);
            }
            if (rule.kind() == Rebalancing.Kind.BAND && leg.open()) {
                double targetD = leg.policy.targetCoverage().doubleValue() * beta * bagValueD(t);
                double hedgeD = leg.deltaCoinsD() * legClosesD[l][start + t];
                if (Math.abs(hedgeD - targetD) < rule.band().doubleValue() * Math.abs(targetD) * (1 - CERTAIN)) {
                    return;
                }
            }
            BigDecimal targetUsd = leg.policy
                    .targetCoverage()
                    .multiply(BigDecimal.valueOf(beta), MC)
                    .multiply(bagValue(t), MC);
            BigDecimal hedgeUsd = leg.open() ? leg.deltaCoins().multiply(x, MC) : BigDecimal.ZERO;
            if (rule.kind() == Rebalancing.Kind.BAND
                    && hedgeUsd.subtract(targetUsd).abs().compareTo(rule.band().multiply(targetUsd.abs())) <= 0) {
                return;
            }
            BigDecimal target = proxySize(leg, x, t);
            BigDecimal now = leg.open() ? leg.position.size() : BigDecimal.ZERO;
            trade(
                    l,
                    t,
                    target.compareTo(now) > 0 ? Side.SHORT : Side.LONG,
                    target.subtract(now).abs(),
                    x);
            return;
        }
        if (!leg.open()) {
            return;
        }
        int i = legAsset[l];
        BigDecimal target = leg.policy.targetCoverage();
        if (rule.kind() == Rebalancing.Kind.BAND) {
            double heldD = spotD[i] + leg.accountCoinsD();
            if (Math.abs(leg.deltaCoinsD() - target.doubleValue() * heldD)
                    < rule.band().doubleValue() * heldD * (1 - CERTAIN)) {
                return;
            }
        }
        BigDecimal held = spot[i].add(leg.accountCoins(), MC);
        if (rule.kind() == Rebalancing.Kind.BAND
                && leg.deltaCoins()
                                .subtract(target.multiply(held, MC), MC)
                                .abs()
                                .compareTo(rule.band().multiply(held, MC))
                        <= 0) {
            return;
        }
        CoverageCheck check = HedgeSizer.DEFAULT.coverage(
                new HedgeState(
                        leg.instrument,
                        spot[i],
                        leg.accountCoins(),
                        leg.position.size(),
                        leg.position.entryPrice(),
                        x,
                        x),
                target);
        HedgeOrder order = check.resize();
        trade(l, t, order.side(), order.size(), x);
    }

    /** Sells (more short) or buys back {@code size} of leg {@code l} at {@code x}, with its taker fee. */
    private void trade(int l, int t, Side side, BigDecimal size, BigDecimal x) {
        Leg leg = legs.get(l);
        leg.lastResize = t;
        if (size.signum() == 0) {
            return;
        }
        BigDecimal fee = leg.fee(size, x);
        try {
            if (side == Side.SHORT) {
                deposit(l, (leg.open() ? leg.increase(size, x) : leg.openShort(size, x)).add(fee), x);
                pay(leg, fee, x);
            } else {
                leg.reduce(size, x);
                leg.payFromWallet(fee);
                pay(leg, fee, x);
            }
        } catch (PerpetualPricingException e) {
            event(t, leg, BacktestEvent.Kind.SKIPPED, "resize refused: " + e.getMessage());
            return;
        }
        rebalances++;
        event(
                t,
                leg,
                BacktestEvent.Kind.REBALANCE,
                side.openingOrder() + " " + size.toPlainString() + " " + leg.instrument.symbol() + " at "
                        + x.toPlainString());
    }

    /** Contracts (inverse, {@code USD/FV}) or quantity units (linear, {@code USD/(X·cs)}) of {@code β·value·target}. */
    private BigDecimal proxySize(Leg leg, BigDecimal x, int t) {
        if (!(beta > 0)) {
            return BigDecimal.ZERO;
        }
        BigDecimal usd = leg.policy
                .targetCoverage()
                .multiply(BigDecimal.valueOf(beta), MC)
                .multiply(bagValue(t), MC);
        BigDecimal raw = leg.inverse
                ? usd.divide(leg.instrument.contractSize(), MC)
                : usd.divide(x.multiply(leg.instrument.contractSize()), MC);
        BigDecimal step = leg.instrument.quantityStep();
        return raw.divide(step, MC).setScale(0, HedgeSizer.STEP_ROUNDING).multiply(step);
    }

    private double bagValueD(int t) {
        double value = 0;
        for (int i = 0; i < assets.length; i++) {
            value += spotD[i] * closesD[i][start + t];
        }
        return value;
    }

    /** The coins held outside the venues at the close of day {@code t}, USD. */
    private BigDecimal bagValue(int t) {
        BigDecimal value = BigDecimal.ZERO;
        for (int i = 0; i < assets.length; i++) {
            value = value.add(spot[i].multiply(closes[i][start + t], MC), MC);
        }
        return value;
    }

    /**
     * Moves {@code amount} (settlement asset) to leg {@code l}'s venue: out of the bag's coins of that asset as far as
     * they go, else bought with cash at {@code x} (extra coins), or stablecoins from cash.
     */
    private void deposit(int l, BigDecimal amount, BigDecimal x) {
        Leg leg = legs.get(l);
        MarginSource source = leg.policy.marginSource();
        BigDecimal rest = amount;
        int i = legAsset[l];
        if (source == MarginSource.OUT_OF_BAG && i >= 0) {
            BigDecimal taken = rest.min(spot[i]).max(BigDecimal.ZERO);
            spot[i] = spot[i].subtract(taken, MC);
            spotD[i] = Leg.approx(spot[i]);
            rest = rest.subtract(taken, MC);
        }
        cash = cash.subtract(leg.usd(rest, x), MC);
        leg.changed();
    }

    /** Counts a fee paid (out of the wallet or of the deposit just made). */
    private void pay(Leg leg, BigDecimal fee, BigDecimal x) {
        feesUsd = feesUsd.add(leg.usd(fee, x), MC);
    }

    private DailyPoint point(int t, BigDecimal reserve) {
        BigDecimal hedged = cash.add(reserve, MC);
        BigDecimal unhedged = BigDecimal.ZERO;
        for (int i = 0; i < assets.length; i++) {
            BigDecimal x = closes[i][start + t];
            if (spotLeg[i] < 0) {
                hedged = hedged.add(spot[i].multiply(x, MC), MC);
            }
            unhedged = unhedged.add(startCoins[i].multiply(x));
        }
        unhedged = unhedged.add(reserve, MC);
        Map<String, BigDecimal> coins = new LinkedHashMap<>();
        for (int l = 0; l < legs.size(); l++) {
            Leg leg = legs.get(l);
            BigDecimal x = legCloses[l][start + t];
            BigDecimal held = legAsset[l] >= 0 ? spot[legAsset[l]] : BigDecimal.ZERO;
            hedged = hedged.add(leg.usdWithSpot(held, x), MC);
            if (leg.inverse) {
                coins.put(leg.asset, leg.coinsWithSpot(held, leg.open() ? leg.valueOn(t, x) : BigDecimal.ZERO));
            }
        }
        return new DailyPoint(market.windowDates().get(t), hedged, unhedged, fundingUsd, feesUsd, coins);
    }

    private void event(int t, Leg leg, BacktestEvent.Kind kind, String words) {
        events.add(new BacktestEvent(market.windowDates().get(t), leg.asset, kind, words));
    }

    private int indexOf(String asset) {
        for (int i = 0; i < assets.length; i++) {
            if (assets[i].equals(asset)) {
                return i;
            }
        }
        return -1;
    }

    private static String plain(BigDecimal value) {
        return value.setScale(8, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
