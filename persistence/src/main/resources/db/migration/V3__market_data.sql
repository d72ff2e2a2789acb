-- Stored market history (daily closes, funding settlements), the latest live tick per contract, and a log of
-- the shipped files already loaded. Prices and rates are numeric (exact decimals), never floating point.

-- Daily closes of an asset, one row per UTC day. Quoted in the source's quote currency (USDT for the shipped
-- Binance spot data), counted as USD by the application.
create table price_history (
    asset_symbol  text           not null,
    day           date           not null,
    close         numeric(38,18) not null,
    source        text           not null,
    constraint price_history_pk primary key (asset_symbol, day),
    constraint price_history_symbol_ck check (asset_symbol ~ '^[A-Z0-9]{1,15}$'),
    constraint price_history_close_ck check (close > 0),
    constraint price_history_source_ck check (length(btrim(source)) > 0)
);

-- Funding settlements of a perpetual contract; series_id is the contract catalog id, e.g. 'BITMEX:XBTUSD'.
-- rate: decimal fraction per funding interval, positive = longs pay shorts.
create table funding_rate_history (
    series_id     text        not null,
    funding_time  timestamptz not null,
    rate          numeric     not null,
    source        text        not null,
    constraint funding_rate_history_pk primary key (series_id, funding_time),
    constraint funding_rate_history_series_ck check (series_id ~ '^[A-Z0-9]+:[A-Z0-9._-]+$'),
    constraint funding_rate_history_rate_ck check (rate > -1 and rate < 1),
    constraint funding_rate_history_source_ck check (length(btrim(source)) > 0)
);

-- The latest tick fetched from a venue for each contract (written by upsert, one row per contract).
create table market_tick (
    contract_id             text           not null,
    mark_price              numeric(38,18) not null,
    index_price             numeric(38,18),
    last_price              numeric(38,18),
    funding_rate            numeric,
    next_funding_time       timestamptz,
    funding_interval_hours  integer,
    source                  text           not null,
    fetched_at              timestamptz    not null,
    constraint market_tick_pk primary key (contract_id),
    constraint market_tick_contract_ck check (contract_id ~ '^[A-Z0-9]+:[A-Z0-9._-]+$'),
    constraint market_tick_mark_ck check (mark_price > 0),
    constraint market_tick_index_ck check (index_price > 0),
    constraint market_tick_last_ck check (last_price > 0),
    constraint market_tick_funding_ck check (funding_rate > -1 and funding_rate < 1),
    constraint market_tick_interval_ck check (funding_interval_hours between 1 and 24),
    constraint market_tick_source_ck check (length(btrim(source)) > 0)
);

-- Which shipped market-data file was loaded, with its SHA-256, so each file version is loaded exactly once.
create table market_data_import (
    id          bigint generated always as identity primary key,
    file_name   text        not null,
    checksum    text        not null,
    kind        text        not null,
    series_key  text        not null,
    row_count   integer     not null,
    loaded_at   timestamptz not null default now(),
    constraint market_data_import_file_uk unique (file_name, checksum),
    constraint market_data_import_kind_ck check (kind in ('PRICE', 'FUNDING')),
    constraint market_data_import_checksum_ck check (checksum ~ '^[0-9a-f]{64}$'),
    constraint market_data_import_rows_ck check (row_count > 0)
);
