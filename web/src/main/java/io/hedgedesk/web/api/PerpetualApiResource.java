package io.hedgedesk.web.api;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.pricing.perpetual.Liquidity;
import io.hedgedesk.pricing.perpetual.Position;
import io.hedgedesk.web.position.ContractView;
import io.hedgedesk.web.position.CustomContractForm;
import io.hedgedesk.web.position.Money;
import io.hedgedesk.web.position.PositionCalculator;
import io.hedgedesk.web.position.PositionForm;
import io.hedgedesk.web.position.PositionReport;
import io.hedgedesk.web.position.PositionSteps;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Stateless perpetual-futures calculators and the contract catalog, open to anyone (no login). Numbers are sent as
 * JSON strings or numbers and returned as plain JSON numbers; a bad field gives a 400 whose body names it.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Perpetual calculators", description = "Inverse and linear perpetual math; no login needed")
public class PerpetualApiResource {

    private final ContractCatalog catalog;
    private final PositionCalculator calculator;

    public PerpetualApiResource(ContractCatalog catalog, PositionCalculator calculator) {
        this.catalog = catalog;
        this.calculator = calculator;
    }

    @GET
    @Path("contracts")
    @Operation(summary = "Every contract in the catalog, with its specification and sources")
    public List<ContractView> contracts() {
        return catalog.all().stream().map(ContractView::of).toList();
    }

    @GET
    @Path("contracts/{id}")
    @Operation(summary = "One contract by its VENUE:SYMBOL id")
    public ContractView contract(@PathParam("id") String id) {
        return catalog.find(id).map(ContractView::of).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("perpetual/position")
    @Operation(
            summary = "Notional, PnL at the mark, margins, fees, liquidation and bankruptcy price of an isolated"
                    + " position, in both liquidation conventions")
    public PositionReport position(PositionForm form) {
        return calculator.analyze(requireBody(form));
    }

    /** Fills of one side of one contract (a catalog id or a contract of one's own), in trade order. */
    public record AverageEntryRequest(
            String contract, String side, String leverage, List<Fill> fills, CustomContractForm customContract) {}

    public record Fill(String size, String price) {}

    /**
     * @param averageEntry harmonic for inverse ({@code ΣQ / Σ(Q/P)}), size-weighted for linear, at tick precision
     * @param exactAverageEntry the same, unrounded (34 significant digits)
     */
    public record AverageEntryResponse(
            String contract,
            BigDecimal totalSize,
            String sizeUnit,
            BigDecimal averageEntry,
            BigDecimal exactAverageEntry) {}

    @POST
    @Path("perpetual/average-entry")
    @Operation(summary = "Average entry price of several fills (harmonic for inverse, size-weighted for linear)")
    public AverageEntryResponse averageEntry(AverageEntryRequest request) {
        requireBody(request);
        List<Fill> fills = request.fills();
        if (fills == null || fills.isEmpty()) {
            throw new BadInputException("fills", "fills must list at least one fill");
        }
        if (fills.size() > 1000) {
            throw new BadInputException("fills", "fills may list at most 1000 fills");
        }
        Position position = null;
        List<PositionSteps.Fill> more = new ArrayList<>();
        for (int i = 0; i < fills.size(); i++) {
            Fill fill = fills.get(i);
            if (fill == null) {
                throw new BadInputException("fills[" + i + "]", "fills[" + i + "] is empty");
            }
            if (position == null) {
                position = calculator.position(new PositionForm(
                        request.contract(),
                        request.side(),
                        fill.size(),
                        fill.price(),
                        leverageOrOne(request.leverage()),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        request.customContract()));
            } else {
                more.add(new PositionSteps.Fill(
                        Inputs.positive("fills[" + i + "].size", fill.size()),
                        Inputs.positive("fills[" + i + "].price", fill.price())));
            }
        }
        Position averaged = PositionSteps.increased(position, more);
        Instrument instrument = averaged.instrument();
        return new AverageEntryResponse(
                instrument.id(),
                averaged.size(),
                ContractView.sizeUnit(instrument),
                PositionCalculator.price(instrument, averaged.entryPrice()),
                averaged.entryPrice());
    }

    /**
     * An open position and the part of it being closed; fees as in the position calculator ({@code feeTier},
     * {@code makerFeeRate}, {@code takerFeeRate}), the contract a catalog id or {@code customContract}.
     */
    public record CloseRequest(
            String contract,
            String side,
            String size,
            String entryPrice,
            String leverage,
            String closeSize,
            String closePrice,
            String liquidity,
            String feeTier,
            String makerFeeRate,
            String takerFeeRate,
            CustomContractForm customContract) {}

    /**
     * @param realizedPnl    PnL of the closed part in the settlement asset, before fees (positive = profit)
     * @param realizedPnlUsd the same in USD at the close price
     * @param fee            fee of the closing trade (positive = paid, negative = rebate)
     * @param netPnl         realized PnL minus the fee, settlement asset
     * @param remainingSize  what stays open (0 when fully closed); its entry price is unchanged
     */
    public record CloseResponse(
            String contract,
            BigDecimal closedSize,
            BigDecimal closePrice,
            Money realizedPnl,
            Money realizedPnlUsd,
            Money fee,
            Money netPnl,
            BigDecimal remainingSize,
            String sizeUnit) {}

    @POST
    @Path("perpetual/close")
    @Operation(summary = "Realized PnL and fee of closing all or part of a position")
    public CloseResponse close(CloseRequest request) {
        requireBody(request);
        Position position = calculator.position(new PositionForm(
                request.contract(),
                request.side(),
                request.size(),
                request.entryPrice(),
                leverageOrOne(request.leverage()),
                null,
                null,
                null,
                request.feeTier(),
                request.makerFeeRate(),
                request.takerFeeRate(),
                null,
                null,
                request.customContract()));
        BigDecimal closeSize = Inputs.positive("closeSize", request.closeSize());
        BigDecimal closePrice = Inputs.positive("closePrice", request.closePrice());
        Liquidity liquidity = Inputs.choice("liquidity", request.liquidity(), Liquidity.class, Liquidity.TAKER);
        PositionSteps.Closed closed = PositionSteps.close(position, closeSize, closePrice, liquidity, "closeSize");
        return new CloseResponse(
                position.instrument().id(),
                closeSize,
                closePrice,
                Money.settlement(closed.realizedPnl()),
                Money.usd(closed.realizedPnlUsd()),
                Money.settlement(closed.fee()),
                Money.settlement(closed.netPnl()),
                closed.remainingSize(),
                ContractView.sizeUnit(position.instrument()));
    }

    private static String leverageOrOne(String leverage) {
        return Inputs.isBlank(leverage) ? "1" : leverage;
    }

    static <T> T requireBody(T body) {
        return Optional.ofNullable(body).orElseThrow(() -> new BadInputException("", "the request needs a JSON body"));
    }
}
