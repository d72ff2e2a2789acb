-- Where a user wants alerts: an e-mail address and/or a webhook (generic JSON, ntfy, or Discord/Slack text).
create table alert_recipient (
    user_id       bigint        primary key references app_user (id) on delete cascade,
    email         varchar(254),
    email_on      boolean       not null default false,
    webhook_url   varchar(2000),
    webhook_kind  varchar(10)   check (webhook_kind in ('JSON', 'NTFY', 'CHAT')),
    webhook_on    boolean       not null default false,
    updated_at    timestamptz   not null default now(),
    constraint alert_recipient_email_ck check (not email_on or email is not null),
    constraint alert_recipient_webhook_ck check (not webhook_on or (webhook_url is not null and webhook_kind is not null))
);

-- Installation settings an administrator changes: whether webhooks may point at private or loopback addresses.
create table alert_installation (
    id                      boolean primary key default true check (id),
    allow_private_webhooks  boolean not null default false,
    changed_by              bigint  references app_user (id),
    changed_at              timestamptz
);
insert into alert_installation (id) values (true);
