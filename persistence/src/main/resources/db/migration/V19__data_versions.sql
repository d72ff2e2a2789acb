-- Change counters for pages kept in memory (issue 9: the dashboard). A page built from a team's data is current as
-- long as the team's data_version and the market data version are the ones it was built at. The counters are moved
-- here, by triggers, so that every writer counts: this application on any instance, imports, psql.
--
-- A reader must read the counters before the data (in READ COMMITTED each statement sees the latest commits): data
-- newer than its counters only costs a rebuild, data older than its counters would be served until the next change.

alter table team add column data_version bigint not null default 0;

-- One row: moved by every statement that writes daily closes, funding settlements or ticks.
create table market_data_version (
    id       boolean primary key default true check (id),
    version  bigint  not null
);
insert into market_data_version (id, version) values (true, 0);

-- Any change to a team row (its name, say) moves its counter; the bumps below change only the counter.
create function team_data_version_on_update() returns trigger language plpgsql as $$
begin
    if new.data_version = old.data_version then
        new.data_version := old.data_version + 1;
    end if;
    return new;
end
$$;

create trigger team_data_version
    before update on team
    for each row execute function team_data_version_on_update();

-- Statement-level with transition tables: a statement that writes a million ledger rows moves each counter once.
-- TG_ARGV[0] names how a changed row leads to its team: by team_id, by portfolio_id or by hedge_id.
create function bump_team_data_version() returns trigger language plpgsql as $$
begin
    if TG_ARGV[0] = 'team' then
        update team t set data_version = t.data_version + 1
        where t.id in (select c.team_id from changed c);
    elsif TG_ARGV[0] = 'portfolio' then
        update team t set data_version = t.data_version + 1
        where t.id in (select p.team_id from portfolio p where p.id in (select c.portfolio_id from changed c));
    else
        update team t set data_version = t.data_version + 1
        where t.id in (select p.team_id from portfolio p join hedge_position h on h.portfolio_id = p.id
                       where h.id in (select c.hedge_id from changed c));
    end if;
    return null;
end
$$;

-- Transition tables allow one event per trigger: an insert, an update and a delete trigger per table.
do $$
declare
    spec text[];
    specs text[] := array[
        array['membership', 'team'], array['portfolio', 'team'], array['manual_price', 'team'],
        array['holding', 'portfolio'], array['hedge_position', 'portfolio'], array['hedge_event', 'portfolio'],
        array['hedge_holding', 'hedge']];
begin
    foreach spec slice 1 in array specs loop
        execute format('create trigger %I after insert on %I referencing new table as changed '
                       'for each statement execute function bump_team_data_version(%L)',
                       spec[1] || '_data_version_ins', spec[1], spec[2]);
        execute format('create trigger %I after update on %I referencing new table as changed '
                       'for each statement execute function bump_team_data_version(%L)',
                       spec[1] || '_data_version_upd', spec[1], spec[2]);
        execute format('create trigger %I after delete on %I referencing old table as changed '
                       'for each statement execute function bump_team_data_version(%L)',
                       spec[1] || '_data_version_del', spec[1], spec[2]);
    end loop;
end
$$;

create function bump_market_data_version() returns trigger language plpgsql as $$
begin
    update market_data_version set version = version + 1;
    return null;
end
$$;

create trigger price_history_data_version after insert or update or delete or truncate on price_history
    for each statement execute function bump_market_data_version();
create trigger funding_rate_history_data_version after insert or update or delete or truncate on funding_rate_history
    for each statement execute function bump_market_data_version();
create trigger market_tick_data_version after insert or update or delete or truncate on market_tick
    for each statement execute function bump_market_data_version();
