package io.hedgedesk.pricing.perpetual;

import io.hedgedesk.domain.instrument.Instrument;
import java.math.BigDecimal;

/** Whether an order added liquidity (resting limit order, maker) or took it (market order, taker). */
public enum Liquidity {
    MAKER,
    TAKER;

    /** The instrument's base-tier fee rate for this liquidity, a fraction of notional; negative = rebate. */
    public BigDecimal rate(Instrument instrument) {
        return this == MAKER ? instrument.makerFeeRate() : instrument.takerFeeRate();
    }
}
