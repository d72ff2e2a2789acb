package io.hedgedesk.web.statement;

import java.util.ArrayList;
import java.util.List;

/**
 * What stops an import, each naming its line, listed as a user reads them: the lines that could not be read, then
 * the rows refused on their own (another account, an unknown contract), in file order, then the rows the ledger
 * refuses, in time order, whatever order they were found in while the file streamed through. All are counted;
 * {@value ImportPlanner#SHOWN_ERRORS} are listed.
 */
final class ImportProblems {

    private final List<String> unread = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private final List<String> ledger = new ArrayList<>();
    private int count;

    /** A line that could not be read. */
    void unread(int line, String message) {
        add(unread, line, message);
    }

    /** A row refused on its own. */
    void refused(int line, String message) {
        add(refused, line, message);
    }

    /** A row the ledger refuses. */
    void ledger(int line, String message) {
        add(ledger, line, message);
    }

    int count() {
        return count;
    }

    /** The problems listed on the page. */
    List<String> shown() {
        List<String> shown = new ArrayList<>(unread);
        shown.addAll(refused);
        shown.addAll(ledger);
        return List.copyOf(shown.subList(0, Math.min(shown.size(), ImportPlanner.SHOWN_ERRORS)));
    }

    private void add(List<String> list, int line, String message) {
        count++;
        if (list.size() < ImportPlanner.SHOWN_ERRORS) {
            list.add("line " + line + ": " + message);
        }
    }
}
