-- A user's acknowledgement or snooze of a hedge's alert on the dashboard (per user: a teammate still sees it).
create table alert_ack (
    user_id        bigint       not null references app_user (id) on delete cascade,
    hedge_id       bigint       not null references hedge_position (id) on delete cascade,
    kind           varchar(20)  not null,
    acknowledged   boolean      not null default false,
    snoozed_until  timestamptz,
    changed_at     timestamptz  not null default now(),
    primary key (user_id, hedge_id, kind)
);

-- The dashboard is kept in memory while the team's data_version is unchanged: an acknowledgement moves it.
create trigger alert_ack_data_version_ins after insert on alert_ack referencing new table as changed
    for each statement execute function bump_team_data_version('hedge');
create trigger alert_ack_data_version_upd after update on alert_ack referencing new table as changed
    for each statement execute function bump_team_data_version('hedge');
create trigger alert_ack_data_version_del after delete on alert_ack referencing old table as changed
    for each statement execute function bump_team_data_version('hedge');
