-- The ledger stays append-only against TRUNCATE too (row triggers do not see it), also when a TRUNCATE of
-- hedge_position cascades to it. Removing the data of a whole installation is done by dropping the schema.
create function hedge_event_no_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'hedge_event is append-only: TRUNCATE refused' using errcode = 'restrict_violation';
end
$$;

create trigger hedge_event_no_truncate
    before truncate on hedge_event
    for each statement execute function hedge_event_no_truncate();
