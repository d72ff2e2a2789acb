-- What each hedge's alert gate remembers (fired until re-armed, when it last sent), so hysteresis, re-arm and the
-- minimum interval survive restarts and are shared by every instance. A change is a compare-and-set on this row.
create table alert_state (
    hedge_id    bigint       not null references hedge_position (id) on delete cascade,
    kind        varchar(20)  not null,
    fired       boolean      not null default false,
    last_sent   timestamptz,
    last_value  numeric(38, 18),
    changed_at  timestamptz  not null default now(),
    primary key (hedge_id, kind)
);

-- An alert raised (the gate said SEND): one row, whatever the number of people told.
create table alert_event (
    id            bigint generated always as identity primary key,
    hedge_id      bigint        not null references hedge_position (id) on delete cascade,
    portfolio_id  bigint        not null references portfolio (id) on delete cascade,
    kind          varchar(20)   not null,
    message       varchar(1000) not null,
    value         numeric(38, 18) not null,
    raised_at     timestamptz   not null default now()
);
create index alert_event_hedge_idx on alert_event (hedge_id, raised_at desc);

-- The outbox: one message per alert, person and channel. Workers claim due rows with FOR UPDATE SKIP LOCKED, so with
-- several instances each row is sent by one of them.
create table alert_delivery (
    id               bigint generated always as identity primary key,
    alert_event_id   bigint        references alert_event (id) on delete cascade,
    user_id          bigint        not null references app_user (id) on delete cascade,
    channel          varchar(10)   not null check (channel in ('EMAIL', 'WEBHOOK')),
    target           varchar(2000) not null,
    webhook_kind     varchar(10)   check (webhook_kind in ('JSON', 'NTFY', 'CHAT')),
    subject          varchar(300)  not null,
    body             varchar(4000) not null,
    status           varchar(10)   not null default 'PENDING'
                     check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null default now(),
    last_error       varchar(1000),
    sent_at          timestamptz,
    created_at       timestamptz   not null default now()
);
create index alert_delivery_due_idx on alert_delivery (next_attempt_at) where status = 'PENDING';
create index alert_delivery_user_idx on alert_delivery (user_id, created_at desc);
create index alert_delivery_event_idx on alert_delivery (alert_event_id);

-- What happened to each message, attempt by attempt.
create table alert_delivery_log (
    id           bigint generated always as identity primary key,
    delivery_id  bigint        not null references alert_delivery (id) on delete cascade,
    at           timestamptz   not null default now(),
    outcome      varchar(12)   not null check (outcome in ('SENT', 'FAILED', 'RETRY', 'RATE_LIMITED', 'SKIPPED')),
    detail       varchar(1000)
);
create index alert_delivery_log_delivery_idx on alert_delivery_log (delivery_id, at);
