-- A user's acknowledgement or snooze of an exchange connection's alert on the dashboard, as alert_ack is for hedges.
create table connection_alert_ack (
    user_id        bigint       not null references app_user (id) on delete cascade,
    connection_id  bigint       not null references exchange_connection (id) on delete cascade,
    kind           varchar(20)  not null,
    acknowledged   boolean      not null default false,
    snoozed_until  timestamptz,
    changed_at     timestamptz  not null default now(),
    primary key (user_id, connection_id, kind)
);

-- The dashboard is kept in memory while the team's data_version is unchanged: an acknowledgement moves it.
create function bump_team_of_connection_ack() returns trigger language plpgsql as $$
begin
    update team t set data_version = t.data_version + 1
    where t.id in (select e.team_id from exchange_connection e where e.id in (select c.connection_id from changed c));
    return null;
end
$$;

create trigger connection_alert_ack_data_version_ins after insert on connection_alert_ack referencing new table as changed
    for each statement execute function bump_team_of_connection_ack();
create trigger connection_alert_ack_data_version_upd after update on connection_alert_ack referencing new table as changed
    for each statement execute function bump_team_of_connection_ack();
create trigger connection_alert_ack_data_version_del after delete on connection_alert_ack referencing old table as changed
    for each statement execute function bump_team_of_connection_ack();
