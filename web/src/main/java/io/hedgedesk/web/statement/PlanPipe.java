package io.hedgedesk.web.statement;

import io.hedgedesk.web.statement.ImportPlan.PlannedRow;
import io.hedgedesk.web.statement.ImportPlan.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * Planned rows handed from the thread that plans an import to the one that writes it, a chunk at a time: the ledger
 * is worked out on one core while PostgreSQL stores the chunk before on the other. At most two chunks wait, so
 * memory stays bounded whichever side is slower.
 */
final class PlanPipe implements ImportPlan.Sink {

    /** Rows in time order, the track of each, and the rows of the file dealt with once they are written. */
    record Chunk(List<Track> tracks, List<PlannedRow> rows, int handled) {}

    private static final Chunk END = new Chunk(List.of(), List.of(), -1);

    private final int size;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(2);
    private List<Track> tracks = new ArrayList<>();
    private List<PlannedRow> rows = new ArrayList<>();
    private int handled;

    PlanPipe(int size) {
        this.size = size;
    }

    @Override
    public void accept(Track track, PlannedRow row, int handled, boolean failed) {
        if (failed) {
            return; // the import stops at the end, its transaction rolled back: nothing more to write
        }
        tracks.add(track);
        rows.add(row);
        this.handled = handled;
        if (rows.size() == size) {
            put(new Chunk(tracks, rows, handled));
            tracks = new ArrayList<>();
            rows = new ArrayList<>();
        }
    }

    /** The planning thread's last call: the rows left (when the plan was completed) and the end. */
    void close(boolean completed) {
        try {
            if (completed && !rows.isEmpty()) {
                put(new Chunk(tracks, rows, handled));
            }
            put(END);
        } catch (CancellationException e) {
            // the writer has stopped: nobody reads any more
        }
    }

    /** The next chunk, or null at the end (waits for the planning thread). */
    Chunk take() {
        try {
            Chunk chunk = queue.take();
            return chunk == END ? null : chunk;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for planned rows");
        }
    }

    private void put(Chunk chunk) {
        try {
            queue.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the import's writer has stopped");
        }
    }
}
