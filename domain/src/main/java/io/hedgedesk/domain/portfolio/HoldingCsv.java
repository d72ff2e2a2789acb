package io.hedgedesk.domain.portfolio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads holdings from CSV (RFC 4180: comma-separated, double quotes around fields that contain commas, quotes or
 * line breaks, {@code ""} for a quote). The first line is a header naming the columns {@code asset, quantity,
 * venue, cost_basis_usd, acquired_on} (any order; the last two may be absent, {@code note} is optional). An asset
 * not in {@link KnownAssets} is accepted only when a {@code custom} column says {@code yes}/{@code true}.
 */
public final class HoldingCsv {

    public static final int MAX_ROWS = 1000;
    public static final int MAX_CHARS = 200_000;

    /**
     * One data row of the file.
     *
     * @param line   line number in the file (the header is line 1)
     * @param input  the row as typed
     * @param draft  the validated holding, when the row is valid
     * @param errors field → message, empty when valid
     */
    public record Row(int line, HoldingInput input, Optional<HoldingDraft> draft, Map<String, String> errors) {
        public Row {
            errors = Map.copyOf(errors);
        }

        public boolean valid() {
            return draft.isPresent();
        }
    }

    private HoldingCsv() {}

    /**
     * Parses and validates the whole text.
     *
     * @throws InvalidHoldingException under the field {@code file} when the file itself is unusable (empty, too
     *                                 large, no header, missing required columns, unbalanced quotes)
     */
    public static List<Row> parse(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            throw InvalidHoldingException.of("file", "The file is empty.");
        }
        if (text.length() > MAX_CHARS) {
            throw InvalidHoldingException.of("file", "The file is larger than " + MAX_CHARS + " characters.");
        }
        List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        List<String> header = records.get(0).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        int asset = header.indexOf("asset");
        int quantity = header.indexOf("quantity");
        int venue = header.indexOf("venue");
        if (asset < 0 || quantity < 0 || venue < 0) {
            throw InvalidHoldingException.of(
                    "file",
                    "The first line must name the columns asset, quantity, venue (and optionally cost_basis_usd, acquired_on, note, custom).");
        }
        int cost = header.indexOf("cost_basis_usd");
        int date = header.indexOf("acquired_on");
        int note = header.indexOf("note");
        int custom = header.indexOf("custom");
        if (records.size() - 1 > MAX_ROWS) {
            throw InvalidHoldingException.of("file", "At most " + MAX_ROWS + " rows can be imported at once.");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            String customText = cell(r, custom).toLowerCase(Locale.ROOT);
            HoldingInput input = new HoldingInput(
                    cell(r, asset),
                    customText.equals("yes") || customText.equals("true"),
                    cell(r, quantity),
                    cell(r, venue),
                    cell(r, cost),
                    cell(r, date),
                    cell(r, note));
            try {
                rows.add(new Row(i + 1, input, Optional.of(HoldingDraft.parse(input, today)), Map.of()));
            } catch (InvalidHoldingException e) {
                rows.add(new Row(i + 1, input, Optional.empty(), e.errors()));
            }
        }
        if (rows.isEmpty()) {
            throw InvalidHoldingException.of("file", "The file has a header but no rows.");
        }
        return rows;
    }

    private static String cell(List<String> record, int index) {
        return index >= 0 && index < record.size() ? record.get(index) : "";
    }

    /** Splits RFC 4180 text into records of fields (one record per line outside quotes). */
    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw InvalidHoldingException.of("file", "A quoted field is not closed.");
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }
}
