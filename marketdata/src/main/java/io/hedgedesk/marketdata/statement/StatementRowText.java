package io.hedgedesk.marketdata.statement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A row as one line of text and back, without its how-read text: for rows put aside while a file is sorted. Fields
 * are separated by U+001F; a backslash escapes a separator or a backslash in a value, and an absent value is
 * {@code \-}.
 */
public final class StatementRowText {

    private static final char SEPARATOR = '\u001f';
    private static final String ABSENT = "\\-";

    private StatementRowText() {}

    /** {@code row} as one line of text. */
    public static String write(StatementRow row) {
        StringBuilder out = new StringBuilder(160);
        field(out, Integer.toString(row.line()));
        field(out, row.time().getEpochSecond() + "." + row.time().getNano()); // cheaper to read back than ISO text
        field(out, row.kind().name());
        field(out, row.account().orElse(null));
        field(out, row.symbol().orElse(null));
        field(out, row.asset());
        field(out, row.side().orElse(null));
        field(out, row.opening().map(String::valueOf).orElse(null));
        field(out, row.quantity().map(BigDecimal::toString).orElse(null));
        field(out, row.price().map(BigDecimal::toString).orElse(null));
        field(out, row.fee().toString());
        field(out, row.funding().toString());
        field(out, row.realizedPnl().toString());
        field(out, row.cashChange().toString());
        field(out, row.key());
        return out.toString();
    }

    /** The row {@link #write} wrote (its how-read text empty). */
    public static StatementRow read(String text) {
        List<Optional<String>> f = fields(text);
        return new StatementRow(
                Integer.parseInt(f.get(0).orElseThrow()),
                f.get(14).orElseThrow(),
                time(f.get(1).orElseThrow()),
                RowKind.valueOf(f.get(2).orElseThrow()),
                f.get(3),
                f.get(4),
                f.get(5).orElseThrow(),
                f.get(6),
                f.get(7).map(Boolean::valueOf),
                f.get(8).map(BigDecimal::new),
                f.get(9).map(BigDecimal::new),
                new BigDecimal(f.get(10).orElseThrow()),
                new BigDecimal(f.get(11).orElseThrow()),
                new BigDecimal(f.get(12).orElseThrow()),
                new BigDecimal(f.get(13).orElseThrow()),
                "");
    }

    private static Instant time(String secondsAndNanos) {
        int dot = secondsAndNanos.indexOf('.');
        return Instant.ofEpochSecond(
                Long.parseLong(secondsAndNanos.substring(0, dot)),
                Integer.parseInt(secondsAndNanos.substring(dot + 1)));
    }

    private static void field(StringBuilder out, String value) {
        if (!out.isEmpty()) {
            out.append(SEPARATOR);
        }
        if (value == null) {
            out.append(ABSENT);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == SEPARATOR) {
                out.append('\\');
            }
            out.append(c);
        }
    }

    private static List<Optional<String>> fields(String text) {
        List<Optional<String>> fields = new ArrayList<>(15);
        int from = 0;
        while (from <= text.length()) {
            int to = from;
            while (to < text.length() && text.charAt(to) != SEPARATOR) {
                to += text.charAt(to) == '\\' ? 2 : 1;
            }
            to = Math.min(to, text.length());
            String raw = text.substring(from, to);
            fields.add(
                    raw.equals(ABSENT)
                            ? Optional.empty()
                            : Optional.of(raw.indexOf('\\') < 0 ? raw : raw.replaceAll("\\\\(.)", "$1")));
            from = to + 1;
        }
        return fields;
    }
}
