-- Open hedges as insurance positions and their append-only event ledger. Every amount is numeric.

create table hedge_position (
    id                    bigint generated always as identity primary key,
    portfolio_id          bigint          not null references portfolio (id),
    contract_id           text            not null check (contract_id ~ '^[A-Z0-9]+:[A-Z0-9._-]+$'),
    contract_type         varchar(7)      not null check (contract_type in ('INVERSE', 'LINEAR')),
    side                  varchar(5)      not null check (side in ('LONG', 'SHORT')),
    -- contracts (inverse) or quantity units (linear); 0 once closed
    size                  numeric(38, 18) not null check (size >= 0),
    -- average entry: harmonic for inverse, size-weighted for linear
    entry_price           numeric(38, 18) not null check (entry_price > 0),
    leverage              numeric(38, 18) not null check (leverage > 0),
    -- margin posted beyond nothing, settlement asset (initial margin + later transfers)
    margin                numeric(38, 18) not null check (margin >= 0),
    margin_source         varchar(40)     not null,
    settlement_asset      varchar(15)     not null,
    target_coverage       numeric(38, 18) not null check (target_coverage > 0 and target_coverage <= 2),
    plan_json             jsonb,
    status                varchar(6)      not null check (status in ('OPEN', 'CLOSED')),
    -- close targets: stop at a price level, take profit at a level, stop when funding paid exceeds a USD cost
    stop_price            numeric(38, 18) check (stop_price > 0),
    take_profit_price     numeric(38, 18) check (take_profit_price > 0),
    max_funding_cost_usd  numeric(38, 18) check (max_funding_cost_usd > 0),
    -- a mark typed in on the tracking page, for contracts without a tick or stored close
    manual_mark           numeric(38, 18) check (manual_mark > 0),
    manual_mark_at        timestamptz,
    realized_pnl          numeric(38, 18) not null default 0,
    opened_by             bigint          not null references app_user (id),
    opened_at             timestamptz     not null,
    closed_at             timestamptz,
    version               bigint          not null default 0,
    constraint hedge_position_closed_ck check ((status = 'CLOSED') = (closed_at is not null)),
    constraint hedge_position_manual_mark_ck check ((manual_mark is null) = (manual_mark_at is null))
);
create index hedge_position_portfolio_idx on hedge_position (portfolio_id, status);

-- The holdings a hedge insures; none = the whole portfolio. A deleted holding simply stops being insured.
create table hedge_holding (
    hedge_id    bigint not null references hedge_position (id),
    holding_id  bigint not null references holding (id) on delete cascade,
    constraint hedge_holding_pk primary key (hedge_id, holding_id)
);

-- Append-only: one row per thing that happened to a hedge. Never updated or deleted (the trigger below refuses
-- it); a correction is a new event whose corrects_event_id references the event it corrects.
create table hedge_event (
    id                 bigint generated always as identity primary key,
    hedge_id           bigint          not null references hedge_position (id),
    portfolio_id       bigint          not null references portfolio (id),
    event_type         varchar(10)     not null check (event_type in
                         ('OPEN', 'INCREASE', 'REDUCE', 'CLOSE', 'FUNDING', 'FEE', 'MARGIN_IN', 'MARGIN_OUT', 'NOTE')),
    occurred_at        timestamptz     not null,
    recorded_at        timestamptz     not null default now(),
    actor_id           bigint          not null references app_user (id),
    -- trades: contracts (inverse) or quantity units (linear), and the fill price
    quantity           numeric(38, 18) check (quantity > 0),
    price              numeric(38, 18) check (price > 0),
    -- settlement asset (coin for inverse, USDT for linear) and its USD price at the time
    settlement_asset   varchar(15)     not null,
    settlement_usd     numeric(38, 18) not null check (settlement_usd > 0),
    -- signed change of the account balance in the settlement asset: + realized PnL − fee + funding ± margin
    cash_change        numeric(38, 18) not null,
    cash_change_usd    numeric(38, 18) not null,
    fee                numeric(38, 18),
    funding_rate       numeric(38, 18),
    realized_pnl       numeric(38, 18),
    realized_pnl_usd   numeric(38, 18),
    -- the position after the event
    size_after         numeric(38, 18) not null check (size_after >= 0),
    entry_after        numeric(38, 18) not null check (entry_after > 0),
    corrects_event_id  bigint          references hedge_event (id),
    note               varchar(500),
    constraint hedge_event_trade_ck check (
        (event_type in ('OPEN', 'INCREASE', 'REDUCE', 'CLOSE')) = (quantity is not null and price is not null)),
    constraint hedge_event_pnl_ck check ((realized_pnl is not null) = (event_type in ('REDUCE', 'CLOSE')))
);
create index hedge_event_hedge_idx on hedge_event (hedge_id, id);
create index hedge_event_portfolio_idx on hedge_event (portfolio_id, occurred_at, id);

create function hedge_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'hedge_event is append-only: % of event % refused (record a correcting event instead)',
        tg_op, old.id using errcode = 'restrict_violation';
end
$$;

create trigger hedge_event_append_only
    before update or delete on hedge_event
    for each row execute function hedge_event_append_only();
