package io.hedgedesk.marketdata.account;

import java.util.Objects;

/** An API key and its secret, in memory only for the length of a call; never printed. */
public record Credentials(String apiKey, String secret) {

    public Credentials {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(secret, "secret");
    }

    /** The last four characters of the key, the most a page shows. */
    public String keyHint() {
        return apiKey.length() <= 4 ? "****" : "…" + apiKey.substring(apiKey.length() - 4);
    }

    @Override
    public String toString() {
        return "Credentials[" + keyHint() + "]";
    }
}
