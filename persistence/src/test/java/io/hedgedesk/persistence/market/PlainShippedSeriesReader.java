package io.hedgedesk.persistence.market;

import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.PriceSeries;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The loader's reader in this module's tests: the application's is the market-data module's CSV reader, which this
 * module cannot see. Plain lines of the two fields after the header; the shipped files are well-formed.
 */
@ApplicationScoped
public class PlainShippedSeriesReader implements ShippedSeriesReader {

    @Override
    public PriceSeries prices(ShippedMarketDataFile file, String text) {
        return new PriceSeries(
                file.series(),
                file.source(),
                rows(text).stream()
                        .map(fields -> new PricePoint(LocalDate.parse(fields[0]), new BigDecimal(fields[1])))
                        .toList());
    }

    @Override
    public FundingRateSeries funding(ShippedMarketDataFile file, String text) {
        return new FundingRateSeries(
                file.series(),
                file.source(),
                rows(text).stream()
                        .map(fields -> new FundingRate(Instant.parse(fields[0]), new BigDecimal(fields[1])))
                        .toList());
    }

    private static List<String[]> rows(String text) {
        return text.lines().skip(1).map(line -> line.split(",")).toList();
    }
}
