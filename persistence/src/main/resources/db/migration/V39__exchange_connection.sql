-- Read-only exchange connections of a team. The API key and its secret are stored only envelope-encrypted: the
-- pair under a random data key (AES-256-GCM), the data key wrapped under a key-encryption key held in the
-- environment (kek_id names which one, so the key-encryption key can be rotated). Only the last four characters
-- of the key are kept in clear, for people to recognise it. Deleting a connection deletes its ciphertext.
create table exchange_connection (
    id                 bigint generated always as identity primary key,
    team_id            bigint       not null references team (id) on delete cascade,
    venue              varchar(20)  not null check (venue in ('BYBIT', 'BINANCE')),
    label              varchar(80)  not null check (length(btrim(label)) > 0),
    key_hint           varchar(8)   not null,
    kek_id             varchar(40)  not null,
    wrapped_key        bytea        not null,
    wrap_nonce         bytea        not null,
    ciphertext         bytea        not null,
    nonce              bytea        not null,
    venue_account      varchar(40),
    key_expires_at     timestamptz,
    checked_at         timestamptz  not null,
    last_sync_at       timestamptz,
    last_error         varchar(500),
    -- The background sync: due at next_sync_at; an instance claims a due connection by setting a lease (claimed
    -- with FOR UPDATE SKIP LOCKED, so two instances never take the same one); a lease that ran out (a crashed
    -- instance) can be claimed again.
    next_sync_at       timestamptz  not null default now(),
    lease_owner        varchar(80),
    lease_until        timestamptz,
    created_by         bigint       not null references app_user (id),
    created_at         timestamptz  not null default now(),
    version            bigint       not null default 0
);
create index exchange_connection_team_idx on exchange_connection (team_id);
create index exchange_connection_due_idx on exchange_connection (next_sync_at);

-- The positions the venue reported at the last sync of a connection (replaced at each sync).
create table synced_position (
    id                 bigint generated always as identity primary key,
    connection_id      bigint        not null references exchange_connection (id) on delete cascade,
    contract_id        varchar(60)   not null,
    short_side         boolean       not null,
    size               numeric(38, 18) not null check (size > 0),
    entry_price        numeric(38, 18) not null,
    mark_price         numeric(38, 18) not null,
    margin             numeric(38, 18) not null,
    liquidation_price  numeric(38, 18),
    unrealized_pnl     numeric(38, 18) not null,
    leverage           numeric(38, 18) not null,
    venue_updated_at   timestamptz   not null,
    synced_at          timestamptz   not null,
    unique (connection_id, contract_id, short_side)
);
