package io.hedgedesk.domain.instrument.catalog;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The contract specifications hedgedesk can price, loaded from a JSON catalog ({@code contracts.json}; schema,
 * sources and assumed values in the README next to it). Immutable; entries keep the file's order.
 */
public final class ContractCatalog {

    /** Classpath location of the bundled catalog. */
    public static final String DEFAULT_RESOURCE = "/io/hedgedesk/domain/instrument/catalog/contracts.json";

    private final Map<String, Instrument> byId;

    private ContractCatalog(Map<String, Instrument> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** The catalog bundled with hedgedesk ({@value #DEFAULT_RESOURCE}). */
    public static ContractCatalog loadDefault() {
        try (InputStream in = ContractCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "bundled catalog " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /**
     * Reads a catalog in the {@code contracts.json} schema (UTF-8): an object whose only field {@code contracts} is
     * an array of entries. The stream is read to the end, not closed.
     *
     * @throws CatalogFormatException for malformed JSON (line and column) or an invalid entry (entry and field)
     */
    public static ContractCatalog load(InputStream in) {
        Objects.requireNonNull(in, "in");
        String text;
        try {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the contract catalog", e);
        }
        List<Object> entries = JsonFields.of(JsonReader.parse(text), "catalog")
                .requireExactly(Set.of("contracts"))
                .array("contracts");
        Map<String, Instrument> byId = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Instrument instrument = ContractEntryReader.read(entries.get(i), i);
            if (byId.putIfAbsent(instrument.id(), instrument) != null) {
                throw new CatalogFormatException("contracts[" + i + "] (" + instrument.id()
                        + "): field \"id\" duplicates " + "an earlier entry");
            }
        }
        return new ContractCatalog(byId);
    }

    /** Every contract, in catalog order. */
    public List<Instrument> all() {
        return List.copyOf(byId.values());
    }

    /** The contract with this {@code "VENUE:SYMBOL"} id, if any. */
    public Optional<Instrument> find(String id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    /**
     * The contract with this id.
     *
     * @throws ContractNotFoundException naming the id
     */
    public Instrument get(String id) {
        return find(id).orElseThrow(() -> new ContractNotFoundException(id));
    }

    /** The contracts tracking {@code asset} (e.g. every BTC perpetual, inverse and linear), in catalog order. */
    public List<Instrument> forBaseAsset(Asset asset) {
        Objects.requireNonNull(asset, "asset");
        List<Instrument> matches = new ArrayList<>();
        for (Instrument instrument : byId.values()) {
            if (instrument.baseAsset().equals(asset)) {
                matches.add(instrument);
            }
        }
        return List.copyOf(matches);
    }
}
