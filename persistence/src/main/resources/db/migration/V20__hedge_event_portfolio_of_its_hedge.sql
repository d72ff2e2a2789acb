-- A ledger event belongs to the portfolio of its hedge (the application always copies it from the hedge); the
-- database now holds that too. It also lets a query join an event to its hedge through the portfolio
-- (hedge_position_portfolio_idx): the history page then reads its ten hedges by index instead of all 20,000 (issue 9).
alter table hedge_position add constraint hedge_position_id_portfolio_uk unique (id, portfolio_id);
alter table hedge_event add constraint hedge_event_portfolio_of_hedge_fk
    foreign key (hedge_id, portfolio_id) references hedge_position (id, portfolio_id);
