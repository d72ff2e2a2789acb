package io.hedgedesk.marketdata.importer;

import java.util.List;
import java.util.UUID;

/**
 * What a confirmed import would do, shown before anything is written.
 *
 * @param id         the staged import (the confirmation form's single-use token)
 * @param format     the recognized layout
 * @param seriesKey  the asset or contract the rows are stored under
 * @param source     the source text stored with each row
 * @param rows       data rows in the file
 * @param first      first date or settlement time
 * @param last       last date or settlement time
 * @param newRows    rows not stored yet
 * @param overwrites rows stored with another value or source, which the import replaces
 * @param unchanged  rows stored exactly so already (re-importing changes nothing)
 * @param samples    the first and last rows as they will be stored
 */
public record ImportPreview(
        UUID id,
        String format,
        String seriesKey,
        String source,
        int rows,
        String first,
        String last,
        int newRows,
        int overwrites,
        int unchanged,
        List<Sample> samples) {

    /** One row as it will be stored: its line in the file, key and value, and whether it is new or replaces one. */
    public record Sample(int line, String key, String value, String effect) {}
}
