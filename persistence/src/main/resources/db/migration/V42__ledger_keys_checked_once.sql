-- Each foreign key is checked row by row: a statement import writes 100,000 ledger events and 100,000 statement
-- rows, and every redundant key costs a lookup per row. hedge_event's key (hedge_id, portfolio_id) →
-- hedge_position (V20) already says that its hedge exists, and hedge_position's own key that the hedge's portfolio
-- does (a portfolio with hedges cannot be deleted): the single-column keys to hedge_position and portfolio checked
-- the same again.
alter table hedge_event drop constraint hedge_event_hedge_id_fkey,
    drop constraint hedge_event_portfolio_id_fkey;
-- A statement row belongs to a hedge of its own portfolio: one key says both (and is stricter than the two it
-- replaces, which let a row name a hedge of another portfolio).
alter table statement_row add constraint statement_row_hedge_of_portfolio_fk
    foreign key (hedge_id, portfolio_id) references hedge_position (id, portfolio_id);
alter table statement_row drop constraint statement_row_hedge_id_fkey,
    drop constraint statement_row_portfolio_id_fkey;
