package io.hedgedesk.marketdata.venue;

import io.hedgedesk.domain.instrument.ContractType;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.feed.VenueRejectedException;
import java.util.List;
import java.util.Optional;

/**
 * Catalog contract → venue request. A catalog id is {@code VENUE:SYMBOL} and its symbol is the venue's own
 * ({@code BYBIT:BTCUSD} → Bybit {@code category=inverse&symbol=BTCUSD}; {@code BINANCE:BTCUSD_PERP} → Binance
 * COIN-M {@code symbol=BTCUSD_PERP}), so the mapping is the contract's venue, type and symbol.
 */
final class VenueSymbols {

    private VenueSymbols() {}

    /** Bybit serves its own inverse and linear perpetuals. */
    static boolean bybit(Instrument contract) {
        return "BYBIT".equals(contract.venue());
    }

    /** Bybit v5 {@code category}: {@code inverse} or {@code linear}. */
    static String bybitCategory(Instrument contract) {
        return contract.type() == ContractType.INVERSE ? "inverse" : "linear";
    }

    /** Binance COIN-M ({@code dapi}) serves Binance's coin-margined perpetuals only; USDT-margined ones live on fapi. */
    static boolean binanceCoinM(Instrument contract) {
        return "BINANCE".equals(contract.venue())
                && contract.type() == ContractType.INVERSE
                && contract.symbol().endsWith("_PERP");
    }

    static VenueRejectedException unsupported(String venue, Instrument contract) {
        return new VenueRejectedException(
                venue,
                "request for " + contract.id(),
                "unsupported",
                contract.id() + " is not a contract this source serves");
    }

    /** The catalog's funding interval in whole hours (1..24), if it is one (Deribit accrues continuously). */
    static Optional<Integer> catalogIntervalHours(Instrument contract) {
        long hours = contract.fundingInterval().toHours();
        return hours >= 1 && hours <= 24 && contract.fundingInterval().toMinutesPart() == 0
                ? Optional.of((int) hours)
                : Optional.empty();
    }

    /** {@code sorted} unchanged if its days are distinct; a venue repeating a day is malformed. */
    static List<PricePoint> distinctDays(List<PricePoint> sorted, Payloads json, String what) {
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).date().equals(sorted.get(i - 1).date())) {
                throw json.malformed(what + ": two candles for " + sorted.get(i).date());
            }
        }
        return List.copyOf(sorted);
    }
}
