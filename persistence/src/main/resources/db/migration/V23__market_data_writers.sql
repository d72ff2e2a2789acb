-- Who wrote installation-wide market data by hand: a manual contract mark, a CSV import or a backfill started from
-- the market pages. Null for what the application fetched or shipped by itself (venue refresh, shipped files).
alter table market_tick add column written_by bigint references app_user (id);
alter table price_history add column written_by bigint references app_user (id);
alter table funding_rate_history add column written_by bigint references app_user (id);

-- The history page lists the writers per series; only the few hand-written rows are indexed.
create index price_history_written_by_idx on price_history (asset_symbol, written_by) where written_by is not null;
create index funding_rate_history_written_by_idx on funding_rate_history (series_id, written_by)
    where written_by is not null;
