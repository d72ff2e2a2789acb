package io.hedgedesk.web.position;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The position calculator's input exactly as typed (JSON body or query string): everything is text so that the
 * calculator can say which field is wrong and the page can show what was typed. Optional fields may be blank.
 *
 * @param contract     catalog id, e.g. {@code BYBIT:BTCUSD}
 * @param side         {@code LONG} or {@code SHORT}
 * @param size         contracts (inverse) or quantity units (linear)
 * @param entryPrice   average entry price
 * @param leverage     chosen leverage
 * @param markPrice    price to value the position at; blank = the entry price
 * @param extraMargin  isolated margin added beyond the initial margin, settlement asset; blank = 0
 * @param fundingRate  funding rate per interval as a fraction (0.0001 = 0.01 %); blank = not shown
 * @param feeTier      the venue's fee level, e.g. {@code VIP 2}; blank = the catalog's base rates
 * @param makerFeeRate maker rate as a fraction, negative = rebate; overrides the level's; blank = keep
 * @param takerFeeRate taker rate as a fraction; overrides the level's; blank = keep
 * @param targetRoePercent a return on equity in percent (50 = +50 %) whose exit price is wanted; blank = none
 * @param balance      settlement-asset balance whose largest position is wanted; blank = none
 * @param customContract a contract the catalog lacks, in place of {@code contract}
 */
public record PositionForm(
        String contract,
        String side,
        String size,
        String entryPrice,
        String leverage,
        String markPrice,
        String extraMargin,
        String fundingRate,
        String feeTier,
        String makerFeeRate,
        String takerFeeRate,
        String targetRoePercent,
        String balance,
        CustomContractForm customContract) {

    /** A catalog contract at its base fee rates, without the exchange-calculator extras. */
    public PositionForm(
            String contract,
            String side,
            String size,
            String entryPrice,
            String leverage,
            String markPrice,
            String extraMargin,
            String fundingRate) {
        this(
                contract,
                side,
                size,
                entryPrice,
                leverage,
                markPrice,
                extraMargin,
                fundingRate,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The example the calculator page opens with: the ETH bag of the product tour, hedged 1:1 on Bybit. */
    public static PositionForm example() {
        return new PositionForm("BYBIT:ETHUSD", "SHORT", "175000", "3500", "2", "3000", "", "0.0001");
    }

    /** The same request on a custom contract instead of a catalog one. */
    public PositionForm withCustomContract(CustomContractForm custom) {
        return new PositionForm(
                null,
                side,
                size,
                entryPrice,
                leverage,
                markPrice,
                extraMargin,
                fundingRate,
                feeTier,
                makerFeeRate,
                takerFeeRate,
                targetRoePercent,
                balance,
                custom);
    }

    /** Not a request field: the page's own test (the OpenAPI document must not list it). */
    @Schema(hidden = true)
    public boolean isEmpty() {
        return contract == null && side == null && size == null && entryPrice == null && leverage == null;
    }
}
