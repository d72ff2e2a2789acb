-- "Recorded by mistake": a hedge or a single ledger event can be voided. The ledger stays append-only: a void is a
-- VOID event, referencing the voided event (corrects_event_id) or, without a reference, voiding the whole hedge,
-- whose position then carries when and by whom. Voided hedges and events count nowhere (positions, totals,
-- coverage, alerts, exports) and stay visible, struck through.
alter table hedge_event drop constraint hedge_event_event_type_check;
alter table hedge_event add constraint hedge_event_event_type_check check (event_type in
    ('OPEN', 'INCREASE', 'REDUCE', 'CLOSE', 'FUNDING', 'FEE', 'MARGIN_IN', 'MARGIN_OUT', 'NOTE', 'VOID'));
create unique index hedge_event_void_idx on hedge_event (corrects_event_id) where event_type = 'VOID';

alter table hedge_position add column voided_at timestamptz;
alter table hedge_position add column voided_by bigint references app_user (id);
alter table hedge_position add constraint hedge_position_voided_ck
    check ((voided_at is null) = (voided_by is null) and (voided_at is null or status = 'CLOSED'));
