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
    created_by         bigint       not null references app_user (id),
    created_at         timestamptz  not null default now(),
    version            bigint       not null default 0
);
create index exchange_connection_team_idx on exchange_connection (team_id);
