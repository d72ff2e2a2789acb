-- Bench data set (issue 9), run by bench/seed.sh into a database Flyway has migrated and the shipped market data
-- has been loaded into, after alice and bob have logged in once (so their app_user rows exist).
--
--   200 teams, each with a bench owner; 2,000 portfolios of 20 holdings; 10 open hedges per portfolio (20,000);
--   50 ledger events per hedge (1,000,000): OPEN, MARGIN_IN, then 48 FUNDING settlements 8 h apart;
--   daily closes from the day after the last shipped close to yesterday for the 12 shipped coins (random walk).
--
-- alice owns team 1, which holds exactly one portfolio (20 holdings, 10 hedges): her dashboard, portfolio page,
-- planner and history show that portfolio. bob is a viewer in all 200 teams: his export is the whole ledger.
-- Bench rows use ids from 1,000,000 up (OVERRIDING SYSTEM VALUE), sequences are moved past them at the end.
\set ON_ERROR_STOP on
\timing on
begin;

select id as alice_id from app_user where username = 'alice' \gset
select id as bob_id from app_user where username = 'bob' \gset

-- The 12 shipped coins in a fixed order; hedge j of a portfolio insures coin j (j = 1..10) with contract_*.
create temp table coin (n int primary key, symbol text not null) on commit drop;
insert into coin values (1,'BTC'),(2,'ETH'),(3,'SOL'),(4,'XRP'),(5,'ADA'),(6,'DOT'),(7,'LINK'),(8,'DOGE'),
  (9,'BNB'),(10,'LTC'),(11,'AVAX'),(12,'MATIC');

-- A year (and more) of daily closes up to yesterday, continuing each shipped series by a seeded random walk
-- (±2 % a day). The shipped files end 2025-12-31 (MATIC 2024-09-10).
select setseed(0.42);
insert into price_history (asset_symbol, day, close, source)
select w.symbol, w.day, round(w.last_close * exp(sum(w.r) over (partition by w.symbol order by w.day))::numeric, 8),
       'bench seed: synthetic random walk from the last shipped close'
from (
  select c.symbol, d::date as day, l.close as last_close, (random() - 0.5) * 0.04 as r
  from coin c
  join lateral (select day, close from price_history p where p.asset_symbol = c.symbol order by day desc limit 1) l
    on true
  cross join lateral generate_series(l.day + 1, current_date - 1, interval '1 day') d
) w;

-- Latest close per coin (what the holdings are sized with and the hedges entered at).
create temp table last_close on commit drop as
select c.n, c.symbol, (select close from price_history p where p.asset_symbol = c.symbol order by day desc limit 1) as close
from coin c;

insert into app_user (id, issuer, subject, username, email, display_name)
overriding system value
select 1000000 + t, 'https://bench.invalid/', 'bench-' || t, 'bench' || t, null, 'Bench owner ' || t
from generate_series(1, 200) t;

insert into team (id, name, personal)
overriding system value
select 1000000 + t, case when t = 1 then 'Bench desk of alice' else 'Bench team ' || lpad(t::text, 3, '0') end, false
from generate_series(1, 200) t;

insert into membership (team_id, user_id, role)
select 1000000 + t, 1000000 + t, 'OWNER' from generate_series(1, 200) t
union all select 1000001, :alice_id, 'OWNER'
union all select 1000000 + t, :bob_id, 'VIEWER' from generate_series(1, 200) t;

-- Portfolio 1 is team 1's only one; the other 1,999 are spread over teams 2..200 (about 10 each).
insert into portfolio (id, team_id, name)
overriding system value
select 1000000 + p, 1000000 + case when p = 1 then 1 else 2 + (p - 2) % 199 end, 'Portfolio ' || lpad(p::text, 4, '0')
from generate_series(1, 2000) p;

-- 20 holdings: the 12 coins at "Binance", coins 1..8 again at "Ledger"; each worth 2,000–50,000 USD.
insert into holding (id, portfolio_id, asset_symbol, quantity, venue, cost_basis_usd, acquired_on, updated_by)
overriding system value
select 1000000 + (p - 1) * 20 + k, 1000000 + p, lc.symbol,
       round((2000 + (p * 7919 + k * 104729) % 48000) / lc.close, 8),
       case when k <= 12 then 'Binance' else 'Ledger' end,
       (1500 + (p * 104729 + k * 7919) % 40000),
       date '2024-01-01' + (p + k) % 600,
       1000000 + case when p = 1 then 1 else 2 + (p - 2) % 199 end
from generate_series(1, 2000) p
cross join generate_series(1, 20) k
join last_close lc on lc.n = (k - 1) % 12 + 1;

-- The contract hedging coin j (BTC and ETH vary with the portfolio): type, settlement, contract size, step, tick.
create temp table spec (n int, variant int, contract_id text, contract_type text, settlement text,
                        contract_size numeric, step numeric, tick numeric) on commit drop;
insert into spec values
  (1, 0, 'BYBIT:BTCUSD', 'INVERSE', 'BTC', 1, 1, 0.5),
  (1, 1, 'BINANCE:BTCUSDT', 'LINEAR', 'USDT', 1, 0.001, 0.1),
  (1, 2, 'BITMEX:XBTUSD', 'INVERSE', 'BTC', 1, 100, 0.1),
  (2, 0, 'BYBIT:ETHUSD', 'INVERSE', 'ETH', 1, 1, 0.05),
  (2, 1, 'BINANCE:ETHUSDT', 'LINEAR', 'USDT', 1, 0.001, 0.01),
  (3, 0, 'BYBIT:SOLUSDT', 'LINEAR', 'USDT', 1, 0.1, 0.01),
  (4, 0, 'BINANCE:XRPUSD_PERP', 'INVERSE', 'XRP', 10, 1, 0.0001),
  (5, 0, 'BINANCE:ADAUSD_PERP', 'INVERSE', 'ADA', 10, 1, 0.0001),
  (6, 0, 'BINANCE:DOTUSD_PERP', 'INVERSE', 'DOT', 10, 1, 0.001),
  (7, 0, 'BINANCE:LINKUSD_PERP', 'INVERSE', 'LINK', 10, 1, 0.001),
  (8, 0, 'BINANCE:DOGEUSD_PERP', 'INVERSE', 'DOGE', 10, 1, 0.00001),
  (9, 0, 'BINANCE:BNBUSD_PERP', 'INVERSE', 'BNB', 10, 1, 0.01),
  (10, 0, 'BINANCE:LTCUSD_PERP', 'INVERSE', 'LTC', 10, 1, 0.01);

-- Hedge j of portfolio p: a 2x short of the portfolio's coins j (both venues), whole-portfolio insurance,
-- opened 17 days (and p mod 24 hours) ago at the latest close. pv = position value in the settlement asset.
create temp table bench_hedge on commit drop as
select 1000000 + (p - 1) * 10 + j as id, p, j, s.*, entry, coins, size,
       round(case when s.contract_type = 'INVERSE' then size * s.contract_size / entry else size * entry end, 8) as pv,
       date_trunc('hour', now()) - interval '17 days' - (p % 24) * interval '1 hour' as opened_at
from (
  select p, j, (select sum(h.quantity) from holding h
                where h.portfolio_id = 1000000 + p and h.asset_symbol = lc.symbol) as coins,
         round(lc.close / s0.tick) * s0.tick as entry, s0.contract_id as cid
  from generate_series(1, 2000) p
  cross join generate_series(1, 10) j
  join last_close lc on lc.n = j
  join spec s0 on s0.n = j and s0.variant = case j when 1 then p % 3 when 2 then p % 2 else 0 end
) x
join spec s on s.contract_id = x.cid
cross join lateral (select greatest(s.step, case when s.contract_type = 'INVERSE'
    then round(x.coins * x.entry / s.contract_size / s.step) * s.step
    else round(x.coins / s.step) * s.step end) as size) z;

insert into hedge_position (id, portfolio_id, contract_id, contract_type, side, size, entry_price, leverage, margin,
                            margin_source, settlement_asset, target_coverage, status, opened_by, opened_at)
overriding system value
select b.id, 1000000 + b.p, b.contract_id, b.contract_type, 'SHORT', b.size, b.entry, 2, round(b.pv / 2, 8),
       'bench', b.settlement, 1, 'OPEN', 1000000 + case when b.p = 1 then 1 else 2 + (b.p - 2) % 199 end, b.opened_at
from bench_hedge b;

-- 50 events per hedge. Funding: rate −0.0001..0.0002 per 8 h, paid to the short on the position value.
insert into hedge_event (hedge_id, portfolio_id, event_type, occurred_at, recorded_at, actor_id, quantity, price,
                         settlement_asset, settlement_usd, cash_change, cash_change_usd, fee, funding_rate,
                         size_after, entry_after, note)
select b.id, 1000000 + b.p, ev.type, b.opened_at + (e - 1) * interval '8 hours',
       b.opened_at + (e - 1) * interval '8 hours' + interval '1 minute',
       1000000 + case when b.p = 1 then 1 else 2 + (b.p - 2) % 199 end,
       case when e = 1 then b.size end, case when e = 1 then b.entry end,
       b.settlement, usd.v, ev.cash, round(ev.cash * usd.v, 8),
       case when e = 1 then round(b.pv * 0.00055, 8) end,
       case when e > 2 then ev.rate end, b.size, b.entry,
       case when e = 1 then 'bench seed' end
from bench_hedge b
cross join generate_series(1, 50) e
cross join lateral (select case when b.contract_type = 'INVERSE' then b.entry else 1 end as v) usd
cross join lateral (select case when e = 1 then 'OPEN' when e = 2 then 'MARGIN_IN' else 'FUNDING' end as type,
                           ((b.id * 31 + e * 17) % 7 - 2) * 0.00005 as rate) r
cross join lateral (select r.type,  r.rate,
                           case when e = 1 then -round(b.pv * 0.00055, 8)
                                when e = 2 then round(b.pv / 2, 8)
                                else round(b.pv * r.rate, 8) end as cash) ev
order by b.opened_at + (e - 1) * interval '8 hours', b.id;  -- ids ascend with time, as when recorded live

select setval(pg_get_serial_sequence('app_user', 'id'), (select max(id) from app_user));
select setval(pg_get_serial_sequence('team', 'id'), (select max(id) from team));
select setval(pg_get_serial_sequence('portfolio', 'id'), (select max(id) from portfolio));
select setval(pg_get_serial_sequence('holding', 'id'), (select max(id) from holding));
select setval(pg_get_serial_sequence('hedge_position', 'id'), (select max(id) from hedge_position));
commit;

vacuum analyze app_user, team, membership, portfolio, holding, hedge_position, hedge_event, price_history;
select (select count(*) from team) teams, (select count(*) from portfolio) portfolios,
       (select count(*) from holding) holdings, (select count(*) from hedge_position where status = 'OPEN') open_hedges,
       (select count(*) from hedge_event) ledger_events, (select count(*) from price_history) closes;
