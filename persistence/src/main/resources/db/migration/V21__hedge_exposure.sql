-- The exposure model counts each coin once. A linear hedge can be margined with coins of its base asset posted as
-- collateral (extra coins, or coins out of the bag): how many is recorded here, so that the coins count in the
-- holder's exposure. A proxy hedge keeps the basket's β it was sized with, so that its coverage is measured
-- against β × the basket's value.
alter table hedge_position add column collateral_coins numeric(38, 18) not null default 0
    check (collateral_coins >= 0);
alter table hedge_position add column beta numeric(38, 18);
