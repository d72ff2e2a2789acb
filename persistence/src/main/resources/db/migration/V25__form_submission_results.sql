-- "Once": a form reachable with Back carries a submission key in its page's address (the page redirects to add
-- one), so Back shows the same key again. The key is kept, as a used form token, with what its submission created,
-- so a repeated submission records nothing and answers "this was recorded at 12:03 as hedges #9–#13". The subject
-- names what was submitted (e.g. a portfolio's plan) for a second tab, which has another key.
alter table used_form_token add column subject varchar(200);
alter table used_form_token add column created_what varchar(40);
alter table used_form_token add column created_ids bigint[];
alter table used_form_token add column created_url varchar(300);
create index used_form_token_subject_idx on used_form_token (subject, used_at desc) where subject is not null;
