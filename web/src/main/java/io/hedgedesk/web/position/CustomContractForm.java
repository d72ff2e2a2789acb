package io.hedgedesk.web.position;

import java.util.List;

/**
 * A contract the catalog lacks, as typed (JSON body or query string), in place of a catalog id. Optional fields may
 * be blank. Maintenance is one rate and amount, or a list of tiers, never both.
 *
 * @param type                  {@code INVERSE} or {@code LINEAR}
 * @param baseAsset             the coin it tracks, e.g. {@code PEPE}
 * @param settlementAsset       linear: the margin currency, blank = USDT; inverse: the base asset (blank = it)
 * @param contractSize          inverse: face value in USD of one contract; linear: coins per quantity unit
 * @param tickSize              minimum price step; blank = 0.01
 * @param quantityStep          smallest size increment; blank = 1 (inverse) or 0.001 (linear)
 * @param maxLeverage           blank = 100
 * @param fundingIntervalHours  0 (continuous) to 24; blank = 8
 * @param maintenanceMarginRate one rate for any size, a fraction in (0, 1)
 * @param maintenanceAmount     its deduction in the settlement asset; blank = 0
 * @param maintenanceTiers      ascending tiers bounded in position value (settlement asset), the last unbounded
 * @param liquidationConvention {@code MAINTENANCE_ON_MARK_VALUE} (blank) or {@code MAINTENANCE_ON_ENTRY_VALUE}
 */
public record CustomContractForm(
        String type,
        String baseAsset,
        String settlementAsset,
        String contractSize,
        String tickSize,
        String quantityStep,
        String maxLeverage,
        String fundingIntervalHours,
        String maintenanceMarginRate,
        String maintenanceAmount,
        List<TierForm> maintenanceTiers,
        String liquidationConvention) {

    /**
     * One maintenance tier as typed.
     *
     * @param upTo                  inclusive bound in position value (settlement asset); blank for the last tier
     * @param maintenanceMarginRate a fraction in (0, 1)
     * @param maxLeverage           blank = the contract's maximum
     * @param maintenanceAmount     blank = 0
     */
    public record TierForm(String upTo, String maintenanceMarginRate, String maxLeverage, String maintenanceAmount) {}
}
