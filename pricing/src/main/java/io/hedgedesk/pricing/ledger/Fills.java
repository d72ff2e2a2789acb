package io.hedgedesk.pricing.ledger;

import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.Position;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** Several fills of one order leg taken together, as the venue shows the position they open. */
public final class Fills {

    private Fills() {}

    /**
     * One fill: {@code size} contracts (inverse) or quantity units (linear) at {@code price}.
     *
     * @param size  positive
     * @param price positive, quote currency
     */
    public record Fill(BigDecimal size, BigDecimal price) {
        public Fill {
            Objects.requireNonNull(size, "size");
            Objects.requireNonNull(price, "price");
        }
    }

    /**
     * The position the fills open: size {@code ΣQᵢ}, entry averaged as the venue does, fill after fill by
     * {@link PerpetualPricer#averageEntry}: harmonic for inverse, {@code ΣQᵢ / Σ(Qᵢ/Pᵢ)}; size-weighted for linear,
     * {@code Σ(qᵢ·Pᵢ) / Σqᵢ}. Example (inverse): 1,000 at 50,000 and 1,000 at 40,000 → 2,000 / (0.02 + 0.025) =
     * 44,444.44…; (linear) 0.5 at 3,000 and 1.5 at 3,200 → (1,500 + 4,800) / 2 = 3,150.
     *
     * @return the total size and the average entry, as one fill
     * @throws InvalidHedgeException field {@code fills} without a fill; {@code size}, {@code price} or
     *                               {@code leverage} when the pricer refuses one
     */
    public static Fill combine(Instrument instrument, Side side, BigDecimal leverage, List<Fill> fills) {
        if (fills.isEmpty()) {
            throw InvalidHedgeException.of("fills", "Enter at least one fill: its size and price.");
        }
        Fill first = fills.get(0);
        Position position =
                LedgerTrades.priced(() -> new Position(instrument, side, first.size(), first.price(), leverage));
        PerpetualPricer pricer = PerpetualPricer.of(instrument);
        for (Fill next : fills.subList(1, fills.size())) {
            Position held = position;
            position = LedgerTrades.priced(() -> pricer.increase(held, next.size(), next.price()));
        }
        return new Fill(position.size(), position.entryPrice());
    }
}
