-- Alerts about a team's exchange connections: a sync failing for too long or too often, an API key about to expire.

-- Thresholds in a portfolio's defaults, for the connections of the portfolio's team (null: the installation's).
alter table alert_threshold
    add column sync_failing_hours  integer check (sync_failing_hours between 1 and 8760),
    add column sync_failures       integer check (sync_failures between 1 and 1000),
    add column key_expiry_days     integer check (key_expiry_days between 1 and 365);

-- The run of failed syncs of a connection: a sync ends by releasing its lease with the error it met (or none), so a
-- release with an error counts one more failure in a row and one without ends the run. Kept by a trigger, so every
-- writer counts.
create table connection_sync_failure (
    connection_id  bigint       primary key references exchange_connection (id) on delete cascade,
    failures       integer      not null,
    failing_since  timestamptz  not null
);

-- Every failed sync, and the good one that ends a run, also moves the team's data version: the alerts' watch of the
-- counters (AlertSchedule) evaluates after it.
create function count_connection_sync_failure() returns trigger language plpgsql as $$
begin
    if new.last_error is null then
        delete from connection_sync_failure where connection_id = new.id;
        if not found then
            return null;
        end if;
    else
        insert into connection_sync_failure (connection_id, failures, failing_since) values (new.id, 1, now())
        on conflict (connection_id) do update set failures = connection_sync_failure.failures + 1;
    end if;
    update team set data_version = data_version + 1 where id = new.team_id;
    return null;
end
$$;

create trigger exchange_connection_sync_failure after update on exchange_connection for each row
    when (old.lease_owner is not null and new.lease_owner is null)
    execute function count_connection_sync_failure();

-- The dashboard is kept in memory while the team's data_version is unchanged: a connection added, removed, starting or
-- ending a failing run, or with a new key expiry moves it.
create function bump_team_of_connection() returns trigger language plpgsql as $$
begin
    update team set data_version = data_version + 1
    where id = case when TG_OP = 'DELETE' then old.team_id else new.team_id end;
    return null;
end
$$;

create trigger exchange_connection_alert_version_upd after update on exchange_connection for each row
    when (old.last_error is distinct from new.last_error or old.key_expires_at is distinct from new.key_expires_at)
    execute function bump_team_of_connection();
create trigger exchange_connection_alert_version_ins after insert or delete on exchange_connection for each row
    execute function bump_team_of_connection();

-- The gates of connection alerts, as alert_state is for hedges.
create table connection_alert_state (
    connection_id  bigint       not null references exchange_connection (id) on delete cascade,
    kind           varchar(20)  not null,
    fired          boolean      not null default false,
    last_sent      timestamptz,
    last_value     numeric(38, 18),
    changed_at     timestamptz  not null default now(),
    primary key (connection_id, kind)
);

-- An alert is about a hedge (of a portfolio) or about a connection (of a team).
alter table alert_event
    alter column hedge_id drop not null,
    alter column portfolio_id drop not null,
    add column connection_id bigint references exchange_connection (id) on delete cascade,
    add constraint alert_event_subject_ck check ((hedge_id is null) <> (connection_id is null));
