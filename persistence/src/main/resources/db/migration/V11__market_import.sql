-- CSV imports of market history (web /market/import): the uploaded text is kept from the preview until the
-- import is confirmed and has run, so the confirmation needs no second upload and the background task reports its
-- progress here. The id doubles as the single-use token of the confirmation form.
create table market_import (
    id              uuid        primary key,
    user_id         bigint      not null references app_user (id),
    kind            text        not null,
    format          text        not null,
    series_key      text        not null,
    source          text        not null,
    file_name       text        not null,
    content         text        not null,
    status          text        not null,
    total_rows      integer     not null,
    processed_rows  integer     not null default 0,
    changed_rows    integer,
    message         text,
    created_at      timestamptz not null default now(),
    finished_at     timestamptz,
    constraint market_import_kind_ck check (kind in ('PRICE', 'FUNDING')),
    constraint market_import_status_ck check (status in ('PREVIEWED', 'RUNNING', 'DONE', 'FAILED')),
    constraint market_import_rows_ck check (total_rows > 0 and processed_rows between 0 and total_rows),
    constraint market_import_source_ck check (length(btrim(source)) > 0)
);

create index market_import_user_idx on market_import (user_id, created_at desc);
