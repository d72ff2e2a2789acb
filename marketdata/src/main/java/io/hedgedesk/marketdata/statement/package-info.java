/**
 * Reading the exchanges' own export files (Bybit transaction logs and Closed P&amp;L, Binance futures transaction
 * history and account statements) into one row shape with one sign convention: fees positive when paid, funding
 * positive when received, cash changes positive when credited. Each format's mapping, with its source, is written at
 * the class that reads it; every row says how it was read, so that a user can check one against the exchange.
 */
package io.hedgedesk.marketdata.statement;
