package io.hedgedesk.pricing.backtest;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.LiquidationConvention;
import io.hedgedesk.domain.instrument.MaintenanceTier;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.pricing.perpetual.Liquidity;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.Position;
import io.hedgedesk.pricing.perpetual.PositionClose;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One short hedge leg during a replay: its isolated position and the two balances of its venue account, in the
 * settlement asset (the coin for inverse, USDT for linear).
 *
 * <ul>
 *   <li>{@code isolated}: the isolated margin {@code M} — initial margin, top-ups and funding (a settlement lands in
 *   the position's margin, as in {@link io.hedgedesk.pricing.scenario.ScenarioCalculator}); lost whole at a
 *   liquidation, and no more.</li>
 *   <li>{@code wallet}: what the account holds beside it — realized PnL and margin released by reductions, less
 *   trading fees.</li>
 * </ul>
 * The leg's value is {@code wallet + M + PnL(X)}, PnL of the short at the close {@code X} as
 * {@link PerpetualPricer#pnl}: inverse {@code N/X − N/E} coins ({@code N = Q·FV}), linear {@code q'·(E − X)} USDT.
 */
final class Leg {

  private static final MathContext MC = MathContext.DECIMAL128;

  final String asset;
  final LegPolicy policy;
  final Instrument instrument;
  final PerpetualPricer pricer;
  final boolean inverse;
  final BigDecimal[] funding;
  private final BigDecimal mmrMax;

  Position position;
  BigDecimal isolated = BigDecimal.ZERO;
  BigDecimal wallet = BigDecimal.ZERO;
  BigDecimal initialMargin = BigDecimal.ZERO;
  boolean liquidated;
  int lastResize;
  /** Inverse {@code N = Q·FV} USD; linear {@code q' = q·cs} coins. */
  private BigDecimal units;
  /** Inverse {@code N/E} coins; linear {@code q'·E} USDT: the position value at entry. */
  private BigDecimal valueAtEntry;

  Leg(String asset, LegPolicy policy, BigDecimal[] funding) {
    this.asset = asset;
    this.policy = policy;
    this.instrument = policy.instrument();
    this.pricer = PerpetualPricer.of(instrument);
    this.inverse = instrument.isInverse();
    this.funding = funding;
    BigDecimal max = BigDecimal.ZERO;
    for (MaintenanceTier tier : instrument.maintenanceTiers()) {
      max = max.max(tier.maintenanceMarginRate());
    }
    this.mmrMax = max;
  }

  boolean open() {
    return position != null;
  }

  /** Sets the position and what the daily loop derives from it. */
  void hold(Position next) {
    position = next;
    if (next == null) {
      units = BigDecimal.ZERO;
      valueAtEntry = BigDecimal.ZERO;
      initialMargin = BigDecimal.ZERO;
      return;
    }
    units = next.size().multiply(instrument.contractSize());
    valueAtEntry = inverse ? units.divide(next.entryPrice(), MC) : units.multiply(next.entryPrice());
    initialMargin = pricer.initialMargin(next).value();
  }

  /** Position value at {@code x} (the notional funding and maintenance are rates of): {@code N/X} or {@code q'·X}. */
  BigDecimal valueAt(BigDecimal x) {
    return inverse ? units.divide(x, MC) : units.multiply(x);
  }

  /** The short's PnL at {@code x} given its value there: inverse {@code N/X − N/E}, linear {@code q'·E − q'·X}. */
  BigDecimal pnl(BigDecimal valueAtX) {
    return inverse ? valueAtX.subtract(valueAtEntry) : valueAtEntry.subtract(valueAtX);
  }

  /** The hedge's delta in coins: inverse {@code N/E}, linear {@code q'} (perpetual and spot at the same close). */
  BigDecimal deltaCoins() {
    return inverse ? valueAtEntry : units;
  }

  /** The account's value in the settlement asset at a close where the position is worth {@code valueAtX}. */
  BigDecimal balance(BigDecimal valueAtX) {
    return open() ? wallet.add(isolated).add(pnl(valueAtX)) : wallet;
  }

  /** Coins on the account counted as exposure (unrealized PnL excluded), at least 0; linear: none. */
  BigDecimal accountCoins() {
    return inverse ? wallet.add(isolated).max(BigDecimal.ZERO) : BigDecimal.ZERO;
  }

  /** Settlement asset → USD at the close {@code x}. */
  BigDecimal usd(BigDecimal amount, BigDecimal x) {
    return inverse ? amount.multiply(x, MC) : amount;
  }

  /**
   * Whether the isolated margin balance {@code M + PnL(X)} is at or below the maintenance margin at {@code x}
   * ({@link PerpetualPricer#maintenanceMargin}, at the entry price for the entry-value convention): the close is at or
   * beyond the liquidation price. The pricer is asked only when the balance is under the largest tier's rate of the
   * larger of the value at X and at entry, a bound of every maintenance margin.
   */
  boolean breached(BigDecimal x, BigDecimal valueAtX) {
    BigDecimal margin = isolated.add(pnl(valueAtX));
    if (margin.compareTo(valueAtX.max(valueAtEntry).multiply(mmrMax)) > 0) {
      return false;
    }
    boolean onEntry = instrument.liquidationConvention() == LiquidationConvention.MAINTENANCE_ON_ENTRY_VALUE;
    return margin.compareTo(pricer.maintenanceMargin(position, onEntry ? position.entryPrice() : x).value()) <= 0;
  }

  /** The taker fee of an order of {@code size} at {@code x}, settlement asset. */
  BigDecimal fee(BigDecimal size, BigDecimal x) {
    return pricer.fee(instrument, size, x, Liquidity.TAKER).value();
  }

  /** Opens {@code size} at {@code x}; returns the initial margin to deposit. */
  BigDecimal openShort(BigDecimal size, BigDecimal x) {
    hold(new Position(instrument, Side.SHORT, size, x, policy.leverage()));
    isolated = initialMargin;
    return initialMargin;
  }

  /** Adds {@code size} at {@code x} (harmonic or size-weighted entry); returns the extra initial margin to deposit. */
  BigDecimal increase(BigDecimal size, BigDecimal x) {
    BigDecimal before = initialMargin;
    hold(pricer.increase(position, size, x));
    BigDecimal added = initialMargin.subtract(before).max(BigDecimal.ZERO);
    isolated = isolated.add(added);
    return added;
  }

  /**
   * Buys back {@code size} at {@code x}: the realized PnL and the closed part's share {@code M·size/Q} of the isolated
   * margin move to the wallet.
   */
  void reduce(BigDecimal size, BigDecimal x) {
    PositionClose close = pricer.close(position, size, x);
    BigDecimal released = isolated.multiply(size).divide(position.size(), MC);
    isolated = isolated.subtract(released);
    wallet = wallet.add(released).add(close.realizedPnl().value());
    hold(close.remaining().orElse(null));
    if (position == null) {
      wallet = wallet.add(isolated);
      isolated = BigDecimal.ZERO;
    }
  }

  /** A liquidation: the position and its isolated margin are gone; the wallet stays. */
  void liquidate() {
    hold(null);
    isolated = BigDecimal.ZERO;
    liquidated = true;
  }
}
