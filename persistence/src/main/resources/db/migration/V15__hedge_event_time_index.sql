-- The ledger in time order (history page, CSV export: "order by e.occurred_at, e.id"): read in index order instead
-- of sorting every matching event (1,000,000 rows sorted on disk for a full export in the bench data set).
create index hedge_event_occurred_idx on hedge_event (occurred_at, id);
