package io.hedgedesk.marketdata.venue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Binance COIN-M futures public market data
 * (https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/). Raw answers:
 * {@link BinancePayloads} reads them, {@link VenueCall} reads errors, {@link VenueCalls} retries.
 */
@Path("/dapi/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface BinanceCoinMApi {

    /** An array even when a symbol is given. */
    @GET
    @Path("/premiumIndex")
    Response premiumIndex(@QueryParam("symbol") String symbol);

    /** Ascending from {@code startTime} (inclusive), at most {@code limit} (max 1000). */
    @GET
    @Path("/fundingRate")
    Response fundingRate(
            @QueryParam("symbol") String symbol,
            @QueryParam("startTime") long startTime,
            @QueryParam("endTime") long endTime,
            @QueryParam("limit") int limit);

    /** At most 200 days between {@code startTime} and {@code endTime}; ascending. */
    @GET
    @Path("/klines")
    Response klines(
            @QueryParam("symbol") String symbol,
            @QueryParam("interval") String interval,
            @QueryParam("startTime") long startTime,
            @QueryParam("endTime") long endTime,
            @QueryParam("limit") int limit);

    @GET
    @Path("/exchangeInfo")
    Response exchangeInfo();
}
