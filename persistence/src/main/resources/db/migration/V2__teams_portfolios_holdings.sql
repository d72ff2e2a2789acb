-- Teams share portfolios. Every team-owned row carries its team (directly or through its portfolio) so that
-- every lookup can be made by (id, teams of the current user). Quantities, prices and costs are numeric.

create table team (
    id          bigint generated always as identity primary key,
    name        varchar(100) not null check (length(btrim(name)) > 0),
    personal    boolean      not null default false,
    created_at  timestamptz  not null default now(),
    version     bigint       not null default 0
);

create table membership (
    id          bigint generated always as identity primary key,
    team_id     bigint       not null references team (id) on delete cascade,
    user_id     bigint       not null references app_user (id) on delete cascade,
    role        varchar(10)  not null check (role in ('OWNER', 'EDITOR', 'VIEWER')),
    created_at  timestamptz  not null default now(),
    version     bigint       not null default 0,
    constraint membership_team_user_uk unique (team_id, user_id)
);
create index membership_user_idx on membership (user_id);

-- Which of their teams a user is looking at. Absent: the first team they joined.
create table user_current_team (
    user_id     bigint primary key references app_user (id) on delete cascade,
    team_id     bigint not null references team (id) on delete cascade
);

-- An invitation names a username or an e-mail address; it is claimed at that person's next login.
create table invitation (
    id          bigint generated always as identity primary key,
    team_id     bigint       not null references team (id) on delete cascade,
    invitee     varchar(255) not null check (length(btrim(invitee)) > 0),
    role        varchar(10)  not null check (role in ('OWNER', 'EDITOR', 'VIEWER')),
    invited_by  bigint       not null references app_user (id),
    created_at  timestamptz  not null default now(),
    claimed_by  bigint       references app_user (id),
    claimed_at  timestamptz,
    version     bigint       not null default 0,
    constraint invitation_claim_ck check ((claimed_by is null) = (claimed_at is null))
);
create unique index invitation_pending_uk on invitation (team_id, lower(invitee)) where claimed_at is null;
create index invitation_pending_invitee_idx on invitation (lower(invitee)) where claimed_at is null;

create table portfolio (
    id          bigint generated always as identity primary key,
    team_id     bigint       not null references team (id) on delete cascade,
    name        varchar(100) not null check (length(btrim(name)) > 0),
    created_at  timestamptz  not null default now(),
    version     bigint       not null default 0
);
create unique index portfolio_team_name_uk on portfolio (team_id, lower(name));

create table holding (
    id              bigint generated always as identity primary key,
    portfolio_id    bigint        not null references portfolio (id) on delete cascade,
    asset_symbol    varchar(15)   not null check (asset_symbol ~ '^[A-Z0-9]{1,15}$'),
    custom_asset    boolean       not null default false,
    quantity        numeric(38, 18) not null check (quantity > 0),
    venue           varchar(100)  not null check (length(btrim(venue)) > 0),
    cost_basis_usd  numeric(38, 18) check (cost_basis_usd >= 0),
    acquired_on     date,
    note            varchar(500),
    updated_by      bigint        not null references app_user (id),
    updated_at      timestamptz   not null default now(),
    version         bigint        not null default 0
);
create index holding_portfolio_idx on holding (portfolio_id);

-- Prices typed in by a team for assets without a market price (or to override an old one).
create table manual_price (
    id            bigint generated always as identity primary key,
    team_id       bigint        not null references team (id) on delete cascade,
    asset_symbol  varchar(15)   not null check (asset_symbol ~ '^[A-Z0-9]{1,15}$'),
    price_usd     numeric(38, 18) not null check (price_usd > 0),
    entered_by    bigint        not null references app_user (id),
    entered_at    timestamptz   not null default now()
);
create index manual_price_team_asset_idx on manual_price (team_id, asset_symbol, entered_at desc);

-- Append-only: who did what to which object, with the state before and after (JSON text).
create table audit_event (
    id            bigint generated always as identity primary key,
    team_id       bigint        not null references team (id) on delete cascade,
    portfolio_id  bigint        references portfolio (id) on delete set null,
    actor_id      bigint        not null references app_user (id),
    occurred_at   timestamptz   not null default now(),
    object_type   varchar(30)   not null,
    object_id     bigint        not null,
    action        varchar(30)   not null,
    before_state  text,
    after_state   text
);
create index audit_event_team_idx on audit_event (team_id, occurred_at desc);
create index audit_event_portfolio_idx on audit_event (portfolio_id, occurred_at desc);

-- Single-use form tokens: a token is recorded in the transaction that uses it, so a double submit fails.
create table used_form_token (
    token       uuid primary key,
    user_id     bigint      not null references app_user (id) on delete cascade,
    used_at     timestamptz not null default now()
);
