package io.hedgedesk.web.support;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/**
 * Post/Redirect/Get with a flash message. The redirect carries only a key from this fixed list (never user data),
 * which the next page turns into its message.
 */
public final class Flash {

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("team-created", "Team created; you are its owner and are now working in it."),
            Map.entry("team-switched", "Switched team."),
            Map.entry("team-renamed", "Team renamed."),
            Map.entry("invited", "Invitation saved. It is claimed when that person next logs in."),
            Map.entry("invitation-revoked", "Invitation withdrawn."),
            Map.entry("role-changed", "Role changed."),
            Map.entry("member-removed", "Member removed."),
            Map.entry("left", "You left the team."),
            Map.entry("portfolio-created", "Portfolio created."),
            Map.entry("holding-added", "Holding added."),
            Map.entry("holding-saved", "Holding saved."),
            Map.entry("holding-deleted", "Holding deleted."),
            Map.entry("already-saved", "That form had already been submitted; it was saved once."),
            Map.entry("price-saved", "Price saved."),
            Map.entry("prices-saved", "Prices saved."),
            Map.entry("imported", "Import complete."),
            Map.entry("hedge-opened", "Hedge recorded."),
            Map.entry("hedge-recorded", "Recorded in the hedge's ledger."),
            Map.entry(
                    "hedge-voided",
                    "Voided as recorded by mistake: it stays in the ledger, struck through, and counts nowhere."),
            Map.entry("targets-saved", "Close targets saved."),
            Map.entry("alerts-saved", "Alert thresholds saved."),
            Map.entry("alert-settings-saved", "Alert delivery saved."),
            Map.entry("mark-saved", "Mark price saved."),
            Map.entry("backfill-started", "Backfill started; its progress is below."),
            Map.entry(
                    "connection-saved",
                    "Connected: the venue confirmed the key is read-only. Its secret is stored encrypted."),
            Map.entry("connection-checked", "Checked with the venue again."),
            Map.entry("connection-synced", "Synced: the positions below are what the exchange reports now."),
            Map.entry(
                    "connection-syncing",
                    "Positions synced: they are what the exchange reports now. Fills and funding"
                            + " are being read from the exchange in the background; reload this page to follow them."),
            Map.entry(
                    "connection-portfolio",
                    "Saved: the next sync brings this connection's fills and funding into the " + "portfolio chosen."),
            Map.entry("connection-deleted", "Connection deleted, its stored key and secret with it."));

    private Flash() {}

    /** The message for a key, or empty for a missing or unknown key. */
    public static String message(String key) {
        return key == null ? "" : MESSAGES.getOrDefault(key, "");
    }

    /** 303 See Other to a server-made path, with a flash key. */
    public static Response redirect(String path, String key) {
        if (!MESSAGES.containsKey(key)) {
            throw new IllegalArgumentException("unknown flash key " + key);
        }
        return Response.seeOther(URI.create(path + "?flash=" + key)).build();
    }
}
