-- Alert thresholds: a portfolio's defaults (hedge_id null) and a hedge's own (hedge_id set). A null column means
-- "as the level above" (hedge -> portfolio -> the installation's configuration).
create table alert_threshold (
    id                    bigint generated always as identity primary key,
    portfolio_id          bigint        not null references portfolio (id) on delete cascade,
    hedge_id              bigint        references hedge_position (id) on delete cascade,
    liquidation_distance  numeric(12, 8) check (liquidation_distance > 0 and liquidation_distance < 1),
    coverage_drift        numeric(12, 8) check (coverage_drift > 0 and coverage_drift <= 2),
    stops_and_targets     boolean,
    funding_yearly_rate   numeric(12, 8) check (funding_yearly_rate >= 0 and funding_yearly_rate <= 100),
    funding_sign_change   boolean,
    stale_after_hours     integer       check (stale_after_hours between 1 and 8760),
    updated_by            bigint        not null references app_user (id),
    updated_at            timestamptz   not null default now(),
    version               bigint        not null default 0
);
create unique index alert_threshold_portfolio_uk on alert_threshold (portfolio_id) where hedge_id is null;
create unique index alert_threshold_hedge_uk on alert_threshold (hedge_id) where hedge_id is not null;

-- The dashboard is kept in memory per user while the team's data_version is unchanged: thresholds are team data.
create trigger alert_threshold_data_version_ins after insert on alert_threshold referencing new table as changed
    for each statement execute function bump_team_data_version('portfolio');
create trigger alert_threshold_data_version_upd after update on alert_threshold referencing new table as changed
    for each statement execute function bump_team_data_version('portfolio');
create trigger alert_threshold_data_version_del after delete on alert_threshold referencing old table as changed
    for each statement execute function bump_team_data_version('portfolio');
