package io.hedgedesk.web.calculator;

import io.hedgedesk.web.view.Display;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.pricing.proxy.BasketBeta;
import io.hedgedesk.pricing.proxy.ProxyHedgeCalculator;
import io.hedgedesk.pricing.proxy.VarianceReduction;
import io.hedgedesk.pricing.proxy.ReturnType;
import io.hedgedesk.pricing.proxy.Weighting;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.api.Inputs;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Funding projections and proxy β from the stored history, open to anyone (no login). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "History calculators", description = "Funding projection and proxy-hedge β from stored daily history")
public class HistoryApiResource {

  private final FundingCalculator funding;
  private final BetaCalculator betas;
  private final PositionCalculator positions;

  public HistoryApiResource(FundingCalculator funding, BetaCalculator betas, PositionCalculator positions) {
    this.funding = funding;
    this.betas = betas;
    this.positions = positions;
  }

  /**
   * @param seriesId                stored funding series, e.g. BITMEX:XBTUSD
   * @param from                    first day of the history window (UTC); blank = 365 days before {@code to}
   * @param to                      last day of the window, inclusive; blank = the day of the last settlement
   * @param horizonDays             projection horizon, days (blank = 30)
   * @param side                    SHORT (the hedge) or LONG
   * @param positionValue           absolute position value in the settlement asset (coins for inverse, USDT linear)
   * @param settlementAssetUsdPrice USD price of the settlement asset (1 for USDT)
   * @param settlementAsset         its symbol, for display (blank = "USDT")
   */
  public record ProjectionRequest(String seriesId, String from, String to, String horizonDays, String side,
                                  String positionValue, String settlementAssetUsdPrice, String settlementAsset) {
  }

  @POST
  @Path("funding/projection")
  @Operation(summary = "Funding of a constant-value position over a horizon from a stored history window: mean and"
      + " annualized rate, 10th/50th/90th percentile of historical stretches, worst stretch, cost of insurance per"
      + " month and year, the sign in words")
  public FundingCalculator.FundingView projection(ProjectionRequest request) {
    PerpetualApiResource.requireBody(request);
    FundingRateSeries series = funding.series("seriesId", Inputs.requiredText("seriesId", request.seriesId()));
    LocalDate last = series.last().time().atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate to = Inputs.isBlank(request.to()) ? last : BetaCalculator.date("to", request.to());
    LocalDate from = Inputs.isBlank(request.from()) ? to.minusDays(364) : BetaCalculator.date("from", request.from());
    if (from.isAfter(to)) {
      throw new BadInputException("from", "from " + from + " must not be after to " + to);
    }
    int horizon = FundingCalculator.horizonDays(request.horizonDays());
    Side side = Inputs.choice("side", request.side(), Side.class);
    BigDecimal value = Inputs.positive("positionValue", request.positionValue());
    BigDecimal usd = Inputs.positive("settlementAssetUsdPrice", request.settlementAssetUsdPrice());
    String asset = Inputs.isBlank(request.settlementAsset()) ? "USDT"
        : Inputs.requiredText("settlementAsset", request.settlementAsset()).toUpperCase(Locale.ROOT);
    return funding.project(series, from, to, horizon, side, value, usd, asset, "projected from " + series.contractId()
        + " history");
  }

  public record BasketMember(String asset, String valueUsd) {
  }

  /**
   * @param hedgeAsset BTC or ETH (any asset with stored closes is accepted)
   * @param basket     the assets and their USD values
   * @param windowDays days of history ending on the hedge asset's last stored close (blank = 365); ignored when
   *                   {@code from} is given
   * @param returnType SIMPLE or LOG (blank = SIMPLE)
   * @param weighting  EQUAL or EWMA (blank = EQUAL), with {@code lambda} (blank = 0.94)
   * @param contract   optional catalog contract of the hedge asset: the answer then counts contracts at the last
   *                   stored close
   * @param rollingDays optional: also estimate β and ρ over every window of this many returns (2–365), stepping one
   *                   day, to show how β moved
   */
  public record BetaRequest(String hedgeAsset, List<BasketMember> basket, String windowDays, String from, String to,
                            String returnType, String weighting, String lambda, String contract, String rollingDays) {
  }

  /**
   * How much the β hedge would have reduced the variance of the basket's daily returns over the window:
   * {@code 1 − Var(r_B − β·r_H) / Var(r_B)}, in percent. In-sample (β estimated on the same returns): equal to ρ²,
   * and an overstatement of what the hedge does on new data.
   */
  public record VarianceReductionView(BigDecimal reductionPercent, String label) {
  }

  /** One rolling estimate, dated by the last return of its window. */
  public record RollingPoint(LocalDate lastReturn, BigDecimal beta, BigDecimal correlation) {
  }

  /**
   * @param hedgePrice last stored close of the hedge asset (USDT-quoted daily close), used for linear contracts
   * @param contracts  {@code β × basket value / contract value}, whole steps, to SELL (empty without a contract)
   * @param order      the order as the venue takes it
   */
  public record BetaResponse(BetaCalculator.BetaView beta, LocalDate hedgePriceDate, BigDecimal hedgePrice,
                             Optional<String> contract, Optional<BigDecimal> contracts, Optional<String> order,
                             String prices, VarianceReductionView varianceReduction, List<RollingPoint> rolling) {
  }

  @POST
  @Path("proxy/beta")
  @Operation(summary = "β of a basket on BTC or ETH from stored daily closes: per-asset β and ρ, basket β both ways,"
      + " ρ, R², residual volatility, hedge notional and, for a contract, the number of contracts")
  public BetaResponse beta(BetaRequest request) {
    PerpetualApiResource.requireBody(request);
    String hedgeAsset = Inputs.requiredText("hedgeAsset", request.hedgeAsset()).toUpperCase(Locale.ROOT);
    PriceSeries hedge = betas.history("hedgeAsset", hedgeAsset);
    if (request.basket() == null) {
      throw new BadInputException("basket", "basket must list at least one asset");
    }
    List<BetaCalculator.Member> members = new ArrayList<>();
    for (int i = 0; i < request.basket().size(); i++) {
      BasketMember m = request.basket().get(i);
      if (m == null) {
        throw new BadInputException("basket[" + i + "]", "basket[" + i + "] is empty");
      }
      members.add(new BetaCalculator.Member(
          Inputs.requiredText("basket[" + i + "].asset", m.asset()).toUpperCase(Locale.ROOT),
          Inputs.positive("basket[" + i + "].valueUsd", m.valueUsd())));
    }
    BetaCalculator.Window window = betas.window(request.windowDays(), request.from(), request.to(), hedge);
    ReturnType returnType = Inputs.choice("returnType", request.returnType(), ReturnType.class, ReturnType.SIMPLE);
    Weighting weighting = BetaCalculator.weighting(request.weighting(), request.lambda());
    BasketBeta beta = betas.basketBeta(hedgeAsset, hedge, members, window, returnType, weighting, "basket");
    BigDecimal price = hedge.last().close();
    Optional<String> contract = Optional.empty();
    Optional<BigDecimal> contracts = Optional.empty();
    Optional<String> order = Optional.empty();
    if (!Inputs.isBlank(request.contract())) {
      Instrument instrument = positions.contract("contract", request.contract());
      if (!instrument.baseAsset().symbol().equals(hedgeAsset)) {
        throw new BadInputException("contract", "contract " + instrument.id() + " tracks "
            + instrument.baseAsset().symbol() + ", not the hedge asset " + hedgeAsset);
      }
      BigDecimal n = BetaCalculator.contracts(beta.seriesBeta(), beta.basketValue(), instrument, price);
      contract = Optional.of(instrument.id());
      contracts = Optional.of(n);
      order = Optional.of((beta.seriesBeta() >= 0 ? "SELL " : "BUY ") + n.toPlainString() + " " + instrument.symbol()
          + (instrument.isInverse() ? " inverse contracts" : ""));
    }
    VarianceReduction reduction = ProxyHedgeCalculator.DEFAULT.inSampleVarianceReduction(beta.basketReturns(),
        beta.hedgeReturns(), weighting);
    List<RollingPoint> rolling = List.of();
    if (!Inputs.isBlank(request.rollingDays())) {
      int days = Inputs.wholeNumber("rollingDays", request.rollingDays(), 2, 365, 30);
      if (days > beta.basketReturns().size()) {
        throw new BadInputException("rollingDays", "rollingDays " + days + " is longer than the "
            + beta.basketReturns().size() + " returns in the window");
      }
      rolling = ProxyHedgeCalculator.DEFAULT.rolling(beta.basketReturns(), beta.hedgeReturns(), days, weighting)
          .stream().map(e -> new RollingPoint(e.lastReturnDate(), BetaCalculator.ratio(e.statistics().hedgeRatio()),
              BetaCalculator.ratio(e.statistics().correlation()))).toList();
    }
    return new BetaResponse(BetaCalculator.BetaView.of(hedgeAsset, beta, returnType, weighting),
        hedge.last().date(), plain(price), contract, contracts, order,
        "USDT-quoted daily closes (stored history, " + hedge.source() + ")",
        new VarianceReductionView(Display.percentPoints(reduction.reduction()), reduction.label()), rolling);
  }

  /** A stored close without the database's trailing zeros: 2971.640000000000000000 → 2971.64. */
  public static BigDecimal plain(BigDecimal value) {
    return Display.noExponent(value);
  }
}
