-- Fills and funding synced from a connection go into one portfolio of the team, chosen by an editor (null: only
-- positions are synced); the sync acts as that editor (portfolio_user_id), as an import of theirs would.
alter table exchange_connection
    add column portfolio_id      bigint references portfolio (id) on delete set null,
    add column portfolio_user_id bigint references app_user (id);

-- Where each stream of a connection (FILLS, CASH = funding, transfers, fee rows) has been synced to: the next sync
-- starts there (a little before, since keys drop what is read twice). A window's rows and its synced_until are
-- committed together, so a failure mid-sync keeps the windows done and the next run resumes at the first one not.
create table connection_stream (
    connection_id   bigint       not null references exchange_connection (id) on delete cascade,
    stream          varchar(10)  not null check (stream in ('FILLS', 'CASH')),
    synced_until    timestamptz  not null,
    rows_stored     integer      not null default 0 check (rows_stored >= 0),
    last_run_rows   integer      not null default 0 check (last_run_rows >= 0),
    last_run_at     timestamptz,
    last_error      varchar(500),
    primary key (connection_id, stream)
);

-- Each sync run that stored rows is an import of its own (format "… API sync", no file), so statement_row.import_id
-- stays required and every stored row says where it came from.

-- Bybit funding and transfer rows were keyed by their file content; the API has no such content, so they are keyed
-- by what both carry (RowKeys): contract + settlement second (+ occurrence), and direction + currency + second +
-- amount (+ occurrence). Rows stored before are re-keyed the same way, so a file imported earlier and a sync of the
-- same period still store each row once.
with keyed as (
    select id, case when kind = 'FUNDING' then 'BYBIT:funding:' || upper(symbol) || ':'
                        || extract(epoch from date_trunc('second', occurred_at))::bigint
                    else 'BYBIT:transfer:' || case when kind = 'TRANSFER_IN' then 'IN' else 'OUT' end || ':'
                        || upper(asset) || ':' || extract(epoch from date_trunc('second', occurred_at))::bigint
                        || ':' || trim_scale(cash_change)::text end as base, portfolio_id
    from statement_row
    where exchange = 'BYBIT' and row_key like 'BYBIT:row:%'
      and ((kind = 'FUNDING' and symbol is not null) or kind in ('TRANSFER_IN', 'TRANSFER_OUT'))
)
update statement_row r set row_key = k.base || '#' || k.n
from (select id, base, row_number() over (partition by portfolio_id, base order by id) as n from keyed) k
where r.id = k.id;
