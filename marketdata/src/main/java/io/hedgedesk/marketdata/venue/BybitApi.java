package io.hedgedesk.marketdata.venue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Bybit v5 public market data (https://bybit-exchange.github.io/docs/v5/market/tickers, …/history-fund-rate,
 * …/kline). Raw answers: {@link BybitPayloads} reads them, {@link VenueCall} reads errors, {@link VenueCalls} retries.
 */
@Path("/v5/market")
@Produces(MediaType.APPLICATION_JSON)
public interface BybitApi {

    @GET
    @Path("/tickers")
    Response tickers(@QueryParam("category") String category, @QueryParam("symbol") String symbol);

    /** Up to {@code limit} (max 200) settlements up to {@code endTime}, newest first. */
    @GET
    @Path("/funding/history")
    Response fundingHistory(
            @QueryParam("category") String category,
            @QueryParam("symbol") String symbol,
            @QueryParam("startTime") long startTime,
            @QueryParam("endTime") long endTime,
            @QueryParam("limit") int limit);

    /** Up to {@code limit} (max 200) candles up to {@code end}, newest first. */
    @GET
    @Path("/kline")
    Response kline(
            @QueryParam("category") String category,
            @QueryParam("symbol") String symbol,
            @QueryParam("interval") String interval,
            @QueryParam("start") long start,
            @QueryParam("end") long end,
            @QueryParam("limit") int limit);
}
