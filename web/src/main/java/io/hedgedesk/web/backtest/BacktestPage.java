package io.hedgedesk.web.backtest;

import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backtest page: the form as typed, the legs' inputs, what could not be used (a message naming the field) and the
 * result.
 *
 * @param access   the portfolio and the user's role in its team
 * @param form     the inputs
 * @param holdings the holdings to choose from
 * @param legs     per asset of the bag: its leg inputs
 * @param contracts every catalog contract id (proxy choices)
 * @param problem  a message naming the field that could not be used, or ""
 * @param errors   messages by field
 * @param notes    what the replay assumed (series substituted, coins left unhedged)
 * @param result   the replay, when it ran
 */
public record BacktestPage(
        PortfolioAccess access,
        BacktestForm form,
        List<HoldingChoice> holdings,
        List<LegInput> legs,
        List<String> contracts,
        String problem,
        Map<String, String> errors,
        List<String> notes,
        Optional<BacktestView> result) {

    /** A holding that can be ticked into the bag. */
    public record HoldingChoice(long id, String asset, String quantity, boolean selected) {}

    /** A per-asset leg's inputs. */
    public record LegInput(
            String asset, String contract, List<String> contracts, String leverage, String margin, String coverage) {}

    /** The message for {@code field}, or "". */
    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    /** The message for {@code field.asset}, or "". */
    public String assetError(String field, String asset) {
        return error(field + "." + asset);
    }
}
