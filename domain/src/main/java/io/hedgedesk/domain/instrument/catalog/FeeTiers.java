package io.hedgedesk.domain.instrument.catalog;

import io.hedgedesk.domain.instrument.ContractType;
import io.hedgedesk.domain.instrument.Instrument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The venues' published VIP fee schedules ({@code fee-tiers.json} beside the contract catalog, with sources): per
 * venue and contract type, the maker and taker rate of every level. A venue or type without a schedule takes explicit
 * rates only. Immutable.
 */
public final class FeeTiers {

    /** Classpath location of the bundled schedules. */
    public static final String DEFAULT_RESOURCE = "/io/hedgedesk/domain/instrument/catalog/fee-tiers.json";

    private record Schedule(String venue, Set<ContractType> types, List<FeeTier> tiers) {}

    private final List<Schedule> schedules;

    private FeeTiers(List<Schedule> schedules) {
        this.schedules = List.copyOf(schedules);
    }

    /** The bundled schedules ({@value #DEFAULT_RESOURCE}). */
    public static FeeTiers loadDefault() {
        try (InputStream in = FeeTiers.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled fee schedules " + DEFAULT_RESOURCE + " are missing");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /**
     * Reads schedules: {@code {"schedules": [{"venue", "types": [...], "source", "tiers": [{"name", "makerFeeRate",
     * "takerFeeRate"}]}]}} (UTF-8, rates as decimal strings). The stream is read to the end, not closed.
     *
     * @throws CatalogFormatException naming the schedule and field at fault
     */
    public static FeeTiers load(InputStream in) {
        Objects.requireNonNull(in, "in");
        String text;
        try {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fee schedules", e);
        }
        List<Object> raw = JsonFields.of(JsonReader.parse(text), "fee schedules")
                .requireExactly(Set.of("schedules"))
                .array("schedules");
        List<Schedule> schedules = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            JsonFields fields = JsonFields.of(raw.get(i), "schedules[" + i + "]")
                    .requireExactly(Set.of("venue", "types", "source", "tiers"));
            String source = fields.text("source");
            List<ContractType> types = new ArrayList<>();
            for (Object type : fields.array("types")) {
                types.add(contractType(fields, type));
            }
            List<FeeTier> tiers = new ArrayList<>();
            List<Object> rawTiers = fields.array("tiers");
            for (int t = 0; t < rawTiers.size(); t++) {
                JsonFields tier = JsonFields.of(rawTiers.get(t), fields.context() + " tiers[" + t + "]")
                        .requireExactly(Set.of("name", "makerFeeRate", "takerFeeRate"));
                tiers.add(new FeeTier(
                        tier.text("name"), tier.decimal("makerFeeRate"), tier.decimal("takerFeeRate"), source));
            }
            schedules.add(new Schedule(fields.text("venue"), Set.copyOf(types), List.copyOf(tiers)));
        }
        return new FeeTiers(schedules);
    }

    private static ContractType contractType(JsonFields fields, Object type) {
        for (ContractType constant : ContractType.values()) {
            if (constant.name().equals(type)) {
                return constant;
            }
        }
        throw fields.invalid("types", "must list INVERSE or LINEAR", type);
    }

    /** The levels published for the instrument's venue and contract type, lowest first; empty when none is. */
    public List<FeeTier> forInstrument(Instrument instrument) {
        Objects.requireNonNull(instrument, "instrument");
        return schedules.stream()
                .filter(s -> s.venue().equals(instrument.venue()) && s.types().contains(instrument.type()))
                .findFirst()
                .map(Schedule::tiers)
                .orElse(List.of());
    }

    /** The instrument's level named {@code name} (see {@link FeeTier#isNamed}), if its venue publishes one. */
    public Optional<FeeTier> find(Instrument instrument, String name) {
        return forInstrument(instrument).stream().filter(t -> t.isNamed(name)).findFirst();
    }

    /** A copy of {@code instrument} charging other maker and taker rates (fractions; negative = rebate). */
    public static Instrument withFeeRates(Instrument instrument, BigDecimal makerFeeRate, BigDecimal takerFeeRate) {
        return new Instrument(
                instrument.id(),
                instrument.venue(),
                instrument.symbol(),
                instrument.type(),
                instrument.baseAsset(),
                instrument.quoteAsset(),
                instrument.settlementAsset(),
                instrument.contractSize(),
                instrument.quantityStep(),
                instrument.tickSize(),
                instrument.fundingInterval(),
                instrument.maxLeverage(),
                Objects.requireNonNull(makerFeeRate, "makerFeeRate"),
                Objects.requireNonNull(takerFeeRate, "takerFeeRate"),
                instrument.liquidationConvention(),
                instrument.tierMeasure(),
                instrument.maintenanceTiers(),
                instrument.source());
    }
}
