package io.hedgedesk.web.position;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.LiquidationConvention;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.pricing.funding.FundingCash;
import io.hedgedesk.pricing.funding.FundingProjector;
import io.hedgedesk.pricing.perpetual.LiquidationDistance;
import io.hedgedesk.pricing.perpetual.Liquidity;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.PerpetualPricingException;
import io.hedgedesk.pricing.perpetual.Position;
import io.hedgedesk.pricing.perpetual.TradeCalculator;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.api.Inputs;
import io.hedgedesk.web.binding.NumberBinder.Field;
import io.hedgedesk.web.view.Display;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds and validates the position calculator's input and asks the pricing module for every number; no arithmetic
 * of its own beyond rounding for display. Shared by the JSON API and the calculator page.
 */
@ApplicationScoped
public class PositionCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ContractCatalog catalog;
    private final ContractBinder binder;

    public PositionCalculator(ContractCatalog catalog, ContractBinder binder) {
        this.catalog = catalog;
        this.binder = binder;
    }

    /** The contract named by a request field, or a 400 naming the field. */
    public Instrument contract(String field, String raw) {
        String id = Inputs.requiredText(field, raw);
        return catalog.find(id)
                .orElseThrow(() -> new BadInputException(
                        field,
                        field + " \"" + id.replaceAll("\\p{Cntrl}", "?") + "\" is not in the contract catalog"
                                + " (see GET /api/v1/contracts)"));
    }

    /** The catalog contract or the custom one a form names, at the fee rates it asks for. */
    public Instrument instrument(PositionForm form) {
        Instrument instrument;
        if (form.customContract() != null) {
            if (!Inputs.isBlank(form.contract())) {
                throw new BadInputException(
                        "contract", "give either contract (a catalog id) or customContract," + " not both");
            }
            instrument = binder.custom(form.customContract());
        } else {
            instrument = contract("contract", form.contract());
        }
        return binder.withFees(instrument, form.feeTier(), form.makerFeeRate(), form.takerFeeRate());
    }

    /** The validated position: leverage within the contract's and the tier's maximum. */
    public Position position(PositionForm form) {
        Instrument instrument = instrument(form);
        Side side = Inputs.choice("side", form.side(), Side.class);
        BigDecimal size = Inputs.positive("size", form.size());
        BigDecimal entry = Inputs.positive("entryPrice", form.entryPrice());
        BigDecimal leverage = Inputs.positive("leverage", form.leverage());
        return position(instrument, side, size, entry, leverage, Field.named("leverage"));
    }

    /**
     * A position of values already bound, with its leverage checked against the contract's maximum and its tier's;
     * a refusal names {@code leverageField}.
     */
    public static Position position(
            Instrument instrument,
            Side side,
            BigDecimal size,
            BigDecimal entry,
            BigDecimal leverage,
            Field leverageField) {
        requireLeverage(leverageField, leverage, instrument);
        try {
            return new Position(instrument, side, size, entry, leverage);
        } catch (PerpetualPricingException e) {
            // The remaining guard is the tier's own leverage cap (a large position allows less leverage).
            throw new BadInputException(leverageField.name(), e.getMessage());
        }
    }

    /** Refuses a leverage above the contract's maximum, naming the field. */
    public static void requireLeverage(Field field, BigDecimal leverage, Instrument instrument) {
        if (leverage.compareTo(instrument.maxLeverage()) > 0) {
            throw new BadInputException(
                    field.name(),
                    field.label() + " " + leverage.toPlainString() + " is above the maximum "
                            + instrument.maxLeverage().toPlainString() + "x of " + instrument.id());
        }
    }

    public PositionReport analyze(PositionForm form) {
        Position position = position(form);
        BigDecimal mark = Inputs.isBlank(form.markPrice())
                ? position.entryPrice()
                : Inputs.positive("markPrice", form.markPrice());
        BigDecimal extra = Inputs.nonNegative("extraMargin", form.extraMargin(), BigDecimal.ZERO);
        Optional<BigDecimal> rate = Inputs.isBlank(form.fundingRate())
                ? Optional.empty()
                : Optional.of(Inputs.decimal("fundingRate", form.fundingRate()));
        Optional<BigDecimal> targetRoe = Inputs.isBlank(form.targetRoePercent())
                ? Optional.empty()
                : Optional.of(Inputs.decimal("targetRoePercent", form.targetRoePercent()));
        Optional<BigDecimal> balance = Inputs.isBlank(form.balance())
                ? Optional.empty()
                : Optional.of(Inputs.nonNegative("balance", form.balance()));
        return report(position, mark, extra, rate, targetRoe, balance);
    }

    /**
     * Everything the calculator shows about a bound position.
     *
     * @param mark             price the position is valued at
     * @param extraMargin      isolated margin beyond the initial margin, settlement asset
     * @param fundingRate      a funding rate per interval to show the cash of
     * @param targetRoePercent a return on equity whose exit price is wanted, percent
     * @param balance          a settlement-asset balance whose largest position is wanted
     */
    public PositionReport report(
            Position position,
            BigDecimal mark,
            BigDecimal extraMargin,
            Optional<BigDecimal> fundingRate,
            Optional<BigDecimal> targetRoePercent,
            Optional<BigDecimal> balance) {
        Instrument instrument = position.instrument();
        Amount extra = new Amount(extraMargin, instrument.settlementAsset());
        PerpetualPricer pricer = PerpetualPricer.of(instrument);

        List<PositionReport.Liquidation> liquidation = new ArrayList<>();
        liquidation.add(liquidation(pricer, position, instrument.liquidationConvention(), extra, mark, true));
        for (LiquidationConvention convention : LiquidationConvention.values()) {
            if (convention != instrument.liquidationConvention()) {
                liquidation.add(liquidation(pricer, position, convention, extra, mark, false));
            }
        }
        Optional<PositionReport.Funding> funding = fundingRate.map(rate -> funding(pricer, position, rate, mark));

        return new PositionReport(
                ContractView.of(instrument),
                position.side().name(),
                position.size(),
                ContractView.sizeUnit(instrument),
                position.entryPrice(),
                mark,
                position.leverage(),
                Money.settlement(pricer.coinNotional(instrument, position.size(), mark)),
                Money.usd(pricer.usdNotional(instrument, position.size(), mark)),
                Money.settlement(pricer.pnl(position, mark)),
                Money.usd(pricer.pnlUsd(position, mark)),
                Money.settlement(pricer.initialMargin(position)),
                Money.settlement(extra),
                Money.settlement(pricer.maintenanceMargin(position, mark)),
                Money.settlement(pricer.fee(instrument, position.size(), position.entryPrice(), Liquidity.TAKER)),
                Money.settlement(pricer.fee(instrument, position.size(), position.entryPrice(), Liquidity.MAKER)),
                Money.settlement(pricer.fee(instrument, position.size(), mark, Liquidity.TAKER)),
                liquidation,
                pricer.bankruptcyPrice(position, extra).map(price -> price(instrument, price)),
                funding,
                Display.percentPoints(TradeCalculator.DEFAULT.returnOnEquity(position, mark)),
                Money.settlement(TradeCalculator.DEFAULT.orderCost(position)),
                targetRoePercent.map(percent -> target(position, percent)),
                balance.map(b -> maxPosition(position, b)));
    }

    private static PositionReport.Target target(Position position, BigDecimal percent) {
        return new PositionReport.Target(
                percent,
                TradeCalculator.DEFAULT
                        .targetPrice(position, percent.movePointLeft(2))
                        .map(p -> price(position.instrument(), p)));
    }

    private static PositionReport.MaxPosition maxPosition(Position position, BigDecimal balance) {
        Instrument instrument = position.instrument();
        BigDecimal size = TradeCalculator.DEFAULT.maxPositionSize(
                instrument, position.side(), balance, position.entryPrice(), position.leverage());
        Amount cost = size.signum() == 0
                ? new Amount(BigDecimal.ZERO, instrument.settlementAsset())
                : TradeCalculator.DEFAULT.orderCost(position.withSize(size));
        return new PositionReport.MaxPosition(
                Money.settlement(new Amount(balance, instrument.settlementAsset())),
                size.stripTrailingZeros(),
                ContractView.sizeUnit(instrument),
                Money.settlement(cost));
    }

    private PositionReport.Liquidation liquidation(
            PerpetualPricer pricer,
            Position position,
            LiquidationConvention convention,
            Amount extra,
            BigDecimal mark,
            boolean venueConvention) {
        Instrument instrument = position.instrument();
        Optional<LiquidationDistance> distance;
        try {
            distance = pricer.distanceToLiquidation(position, convention, extra, mark);
        } catch (PerpetualPricingException e) {
            throw new BadInputException("leverage", e.getMessage());
        }
        return new PositionReport.Liquidation(
                convention.name(),
                describe(convention),
                venueConvention,
                distance.map(d -> price(instrument, d.liquidationPrice())),
                distance.map(d -> price(instrument, d.priceDistance())),
                distance.map(d -> Display.percentPoints(d.fraction())));
    }

    private PositionReport.Funding funding(
            PerpetualPricer pricer, Position position, BigDecimal rate, BigDecimal mark) {
        Instrument instrument = position.instrument();
        BigDecimal value =
                pricer.positionValue(instrument, position.size(), mark).value();
        BigDecimal settlementUsd = instrument.settlementAsset().isDollar() ? BigDecimal.ONE : mark;
        FundingCash cash = FundingProjector.DEFAULT.toCash(position.side().fundingToHolder(rate), value, settlementUsd);
        long perYear = instrument.fundingIntervalsPerYear();
        Optional<BigDecimal> annualized = perYear == 0
                ? Optional.empty()
                : Optional.of(Display.percentPoints(rate.multiply(BigDecimal.valueOf(perYear))));
        return new PositionReport.Funding(
                rate,
                instrument.fundingInterval().toHours(),
                annualized,
                Money.settlement(new Amount(cash.inSettlementAsset(), instrument.settlementAsset())),
                Money.usd(new Amount(cash.inUsd(), Asset.USD)),
                fundingWords(position.side(), rate));
    }

    /** The sign of funding in words, for the holder's side. A positive rate means longs pay shorts. */
    public static String fundingWords(Side side, BigDecimal rate) {
        if (rate.signum() == 0) {
            return "At a zero rate nobody pays funding.";
        }
        boolean positive = rate.signum() > 0;
        boolean receives = positive == (side == Side.SHORT);
        return "While the rate is " + (positive ? "positive" : "negative") + ", "
                + (positive ? "longs pay shorts" : "shorts pay longs") + ": your "
                + side.name().toLowerCase()
                + (receives ? " receives" : " pays") + " funding.";
    }

    static String describe(LiquidationConvention convention) {
        return switch (convention) {
            case MAINTENANCE_ON_ENTRY_VALUE ->
                "maintenance margin on the entry value, no deduction, no fees" + " (Bybit classic, BitMEX)";
            case MAINTENANCE_ON_MARK_VALUE ->
                "maintenance margin on the value at the liquidation price minus the"
                        + " tier's maintenance amount (Binance, Bybit unified account, Deribit, OKX)";
        };
    }

    /** Prices at the contract's tick precision, at least cents ({@link Display#atTick}). */
    public static BigDecimal price(Instrument instrument, BigDecimal price) {
        return Display.atTick(price, instrument);
    }
}
