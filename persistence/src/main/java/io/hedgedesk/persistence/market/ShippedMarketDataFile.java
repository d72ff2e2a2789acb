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
 * {@code market-data/manifest.csv} ({@code kind,file,series,source}).
 *
 * @param kind   whether it holds daily closes or funding settlements
 * @param file   the path below {@code market-data/}, e.g. {@code prices/BTC-USDT-1d.csv}
 * @param series the asset symbol ({@code BTC}) or contract catalog id ({@code BITMEX:XBTUSD}) it is stored under
 * @param source the source text stored with every row
 */
public record ShippedMarketDataFile(Kind kind, String file, String series, String source) {

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

  public ShippedMarketDataFile {
    Objects.requireNonNull(kind, "kind");
    if (file == null || !FILE.matcher(file).matches()) {
      throw new IllegalArgumentException("file must be prices/<name>.csv or funding/<name>.csv, was " + file);
    }
    if (series == null || series.isBlank()) {
      throw new IllegalArgumentException("series of " + file + " must not be blank");
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
    if (lines.isEmpty() || !lines.get(0).equals("kind,file,series,source")) {
      throw new IllegalStateException(MANIFEST + " must start with the header kind,file,series,source");
    }
    List<ShippedMarketDataFile> files = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] fields = lines.get(i).split(",", 4);
      if (fields.length != 4) {
        throw new IllegalStateException(MANIFEST + " line " + (i + 1) + " must have 4 fields: " + lines.get(i));
      }
      files.add(new ShippedMarketDataFile(Kind.valueOf(fields[0]), fields[1], fields[2], fields[3]));
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
