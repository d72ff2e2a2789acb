package io.hedgedesk.persistence.market;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One market-data file shipped in the jar under {@code market-data/}, as listed in
 * {@code market-data/manifest.csv} ({@code kind,file,series,sha256,source}).
 *
 * <p>The manifest carries each file's SHA-256 so that a start on a loaded database (the usual one) decides that
 * nothing is to be loaded without reading or hashing the 1.7 MB of files; a test keeps the checksums true.
 *
 * @param kind   whether it holds daily closes or funding settlements
 * @param file   the path below {@code market-data/}, e.g. {@code prices/BTC-USDT-1d.csv}
 * @param series the asset symbol ({@code BTC}) or contract catalog id ({@code BITMEX:XBTUSD}) it is stored under
 * @param sha256 the SHA-256 of the file's bytes, 64 lower-case hex digits
 * @param source the source text stored with every row
 */
public record ShippedMarketDataFile(Kind kind, String file, String series, String sha256, String source) {

    /** What a shipped file holds. */
    public enum Kind {
        /** {@code date,close} daily closes. */
        PRICE,
        /** {@code time,rate} funding settlements. */
        FUNDING
    }

    /** Folder of the shipped files on the class path. */
    public static final String ROOT = "market-data/";

    /** The manifest listing them. */
    public static final String MANIFEST = ROOT + "manifest.csv";

    private static final Pattern FILE = Pattern.compile("(prices|funding)/[A-Za-z0-9._-]+\\.csv");

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private static final String HEADER = "kind,file,series,sha256,source";

    public ShippedMarketDataFile {
        Objects.requireNonNull(kind, "kind");
        if (file == null || !FILE.matcher(file).matches()) {
            throw new IllegalArgumentException("file must be prices/<name>.csv or funding/<name>.csv, was " + file);
        }
        if (series == null || series.isBlank()) {
            throw new IllegalArgumentException("series of " + file + " must not be blank");
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException(
                    "sha256 of " + file + " must be 64 lower-case hex digits, was " + sha256);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source of " + file + " must not be blank");
        }
    }

    /** The class-path resource name, e.g. {@code market-data/prices/BTC-USDT-1d.csv}. */
    public String resource() {
        return ROOT + file;
    }

    /** The file's bytes, read from the class path. */
    public byte[] read() {
        return readResource(resource());
    }

    /** Every file listed in the shipped manifest, in its order. */
    public static List<ShippedMarketDataFile> manifest() {
        String text = new String(readResource(MANIFEST), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalStateException(MANIFEST + " must start with the header " + HEADER);
        }
        List<ShippedMarketDataFile> files = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            // The source text may hold commas: it is the last field and takes the rest of the line.
            String[] fields = lines.get(i).split(",", 5);
            if (fields.length != 5) {
                throw new IllegalStateException(MANIFEST + " line " + (i + 1) + " must have 5 fields: " + lines.get(i));
            }
            files.add(new ShippedMarketDataFile(Kind.valueOf(fields[0]), fields[1], fields[2], fields[3], fields[4]));
        }
        return List.copyOf(files);
    }

    private static byte[] readResource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("shipped market data " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
