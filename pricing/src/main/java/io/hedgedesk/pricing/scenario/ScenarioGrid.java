package io.hedgedesk.pricing.scenario;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The scenario table of one hedge.
 *
 * @param input            what was stressed
 * @param liquidationPrice the hedge's isolated liquidation price (instrument's convention, with the extra margin);
 *                         empty when no price liquidates it
 * @param bankruptcyPrice  where its isolated margin is exhausted; empty when margin covers any move
 * @param rows             one per shock, in the order given
 */
public record ScenarioGrid(
        ScenarioInput input,
        Optional<BigDecimal> liquidationPrice,
        Optional<BigDecimal> bankruptcyPrice,
        List<ScenarioRow> rows) {

    public ScenarioGrid {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(liquidationPrice, "liquidationPrice");
        Objects.requireNonNull(bankruptcyPrice, "bankruptcyPrice");
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
    }
}
