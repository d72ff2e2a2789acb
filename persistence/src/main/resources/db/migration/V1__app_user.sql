-- People who have logged in through the OpenID provider. Keyed by (issuer, subject): usernames and
-- e-mail addresses are profile data that the provider may change.
create table app_user (
    id            bigint generated always as identity primary key,
    issuer        varchar(255) not null,
    subject       varchar(255) not null,
    username      varchar(255) not null,
    email         varchar(255),
    display_name  varchar(255) not null,
    created_at    timestamptz  not null default now(),
    last_seen_at  timestamptz  not null default now(),
    version       bigint       not null default 0,
    constraint app_user_issuer_subject_uk unique (issuer, subject)
);
