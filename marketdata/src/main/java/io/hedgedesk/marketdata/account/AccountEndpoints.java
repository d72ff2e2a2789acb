package io.hedgedesk.marketdata.account;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach the venues' private APIs.
 *
 * @param bybit          Bybit v5 base, e.g. {@code https://api.bybit.com}
 * @param binanceSapi    Binance wallet API base (key permissions), e.g. {@code https://api.binance.com}
 * @param binanceDapi    Binance COIN-M futures base, e.g. {@code https://dapi.binance.com}
 * @param recvWindow     how long a signed request stays valid at the venue
 * @param connectTimeout time allowed to connect
 * @param readTimeout    time allowed for an answer
 * @param clock          the signing timestamps' clock
 */
public record AccountEndpoints(
        URI bybit,
        URI binanceSapi,
        URI binanceDapi,
        Duration recvWindow,
        Duration connectTimeout,
        Duration readTimeout,
        Clock clock) {

    public AccountEndpoints {
        Objects.requireNonNull(bybit, "bybit");
        Objects.requireNonNull(binanceSapi, "binanceSapi");
        Objects.requireNonNull(binanceDapi, "binanceDapi");
        Objects.requireNonNull(recvWindow, "recvWindow");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(clock, "clock");
    }

    /** A client for {@code venue} signing with {@code credentials}. */
    public AccountClient client(Venue venue, Credentials credentials) {
        return switch (venue) {
            case BYBIT -> new BybitAccountClient(this, credentials);
            case BINANCE -> new BinanceAccountClient(this, credentials);
        };
    }
}
