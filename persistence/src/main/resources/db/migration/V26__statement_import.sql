-- Imports of the exchanges' own export files (Bybit transaction logs, Closed P&L; Binance transaction history and
-- account statements) into a portfolio's hedges. The uploaded text is kept from the preview until the import is
-- confirmed and has run (like market_import); the id doubles as the single-use token of the confirmation form.
create table statement_import (
    id              uuid        primary key,
    portfolio_id    bigint      not null references portfolio (id),
    user_id         bigint      not null references app_user (id),
    exchange        text        not null check (exchange in ('BYBIT', 'BINANCE')),
    format          text        not null,
    file_name       text        not null,
    content         text        not null,
    -- the hedge the user chose in the preview for every row of its contract; null = the open hedge of each contract
    hedge_id        bigint      references hedge_position (id),
    status          text        not null check (status in ('PREVIEWED', 'RUNNING', 'DONE', 'FAILED')),
    total_rows      integer     not null check (total_rows >= 0),
    processed_rows  integer     not null default 0,
    imported_rows   integer,
    hedges_created  integer,
    -- the account (Bybit UID, Binance user id) the file's rows name, if they name one: the first DONE import's is
    -- the portfolio's account at that exchange
    account         text,
    message         text,
    created_at      timestamptz not null default now(),
    finished_at     timestamptz,
    constraint statement_import_rows_ck check (processed_rows between 0 and total_rows)
);
create index statement_import_portfolio_idx on statement_import (portfolio_id, created_at desc);

-- Every row imported, keyed by the exchange's own id of the row (trade id, transaction id) or, where the file has
-- none, by its content and occurrence number within the file: importing the same or an overlapping file again
-- adds nothing, while two equal funding payments stay two. Rows that matched no hedge are not stored (a later
-- import attaches them). hedge_event_id: the ledger event the row became (none for rows kept only for
-- reconciliation: realized PnL figures and Closed P&L summaries); not a foreign key, so that hedge_event's own guard
-- against TRUNCATE stays the one that refuses it (the ledger is append-only: the event cannot go away).
create table statement_row (
    id              bigint generated always as identity primary key,
    portfolio_id    bigint          not null references portfolio (id),
    exchange        text            not null,
    row_key         text            not null,
    import_id       uuid            not null references statement_import (id),
    hedge_id        bigint          not null references hedge_position (id),
    hedge_event_id  bigint,
    line            integer         not null,
    kind            text            not null,
    occurred_at     timestamptz     not null,
    account         text,
    symbol          text,
    asset           text            not null,
    side            text,
    quantity        numeric(38, 18),
    price           numeric(38, 18),
    fee             numeric(38, 18) not null,
    funding         numeric(38, 18) not null,
    realized_pnl    numeric(38, 18) not null,
    cash_change     numeric(38, 18) not null
);
-- unique on the key's digest: content keys are whole CSV lines, their md5 keeps the index small
create unique index statement_row_key_uk on statement_row (portfolio_id, exchange, md5(row_key));
create index statement_row_hedge_idx on statement_row (hedge_id, occurred_at);
