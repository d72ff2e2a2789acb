package io.hedgedesk.web.calculator;

import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.api.Inputs;
import io.hedgedesk.web.position.ContractBinder;
import io.hedgedesk.web.position.CustomContractForm;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The calculator page's custom-contract inputs as typed (query parameters named like the JSON fields,
 * {@code customContract.type} ...), the tiers as text: one tier a line, {@code upTo rate maxLeverage amount}, the
 * last line's bound {@code -} (unbounded); maxLeverage and amount may be left off.
 */
public record CustomContractQuery(
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
        String maintenanceTiers,
        String liquidationConvention) {

    static final String TIERS = ContractBinder.CUSTOM + ".maintenanceTiers";

    static CustomContractQuery of(MultivaluedMap<String, String> query) {
        String p = ContractBinder.CUSTOM + ".";
        return new CustomContractQuery(
                query.getFirst(p + "type"),
                query.getFirst(p + "baseAsset"),
                query.getFirst(p + "settlementAsset"),
                query.getFirst(p + "contractSize"),
                query.getFirst(p + "tickSize"),
                query.getFirst(p + "quantityStep"),
                query.getFirst(p + "maxLeverage"),
                query.getFirst(p + "fundingIntervalHours"),
                query.getFirst(p + "maintenanceMarginRate"),
                query.getFirst(p + "maintenanceAmount"),
                query.getFirst(TIERS),
                query.getFirst(p + "liquidationConvention"));
    }

    /** True when any custom field was filled in (the type and convention selects alone do not count). */
    public boolean isGiven() {
        return !Inputs.isBlank(baseAsset)
                || !Inputs.isBlank(contractSize)
                || !Inputs.isBlank(maintenanceMarginRate)
                || !Inputs.isBlank(maintenanceTiers);
    }

    /** The form the binder reads; the tiers' text split into tiers. */
    CustomContractForm form() {
        return new CustomContractForm(
                type,
                baseAsset,
                settlementAsset,
                contractSize,
                tickSize,
                quantityStep,
                maxLeverage,
                fundingIntervalHours,
                maintenanceMarginRate,
                maintenanceAmount,
                tiers(),
                liquidationConvention);
    }

    private List<CustomContractForm.TierForm> tiers() {
        List<CustomContractForm.TierForm> tiers = new ArrayList<>();
        if (Inputs.isBlank(maintenanceTiers)) {
            return tiers;
        }
        String[] lines = maintenanceTiers.strip().split("\\R|;");
        if (lines.length > ContractBinder.MAX_TIERS) {
            throw new BadInputException(TIERS, TIERS + " may list at most " + ContractBinder.MAX_TIERS + " tiers");
        }
        for (int i = 0; i < lines.length; i++) {
            String[] parts = lines[i].strip().split("[\\s,]+");
            if (parts.length < 2 || parts.length > 4) {
                throw new BadInputException(
                        TIERS,
                        TIERS + " line " + (i + 1) + " must read \"upTo rate [maxLeverage]"
                                + " [amount]\" (upTo - on the last line), e.g. \"50000 0.004 125 0\"");
            }
            tiers.add(new CustomContractForm.TierForm(
                    "-".equals(parts[0]) ? "" : parts[0],
                    parts[1],
                    parts.length > 2 ? parts[2] : "",
                    parts.length > 3 ? parts[3] : ""));
        }
        return tiers;
    }
}
