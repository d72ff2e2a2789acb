-- Run once by the postgres image on an empty volume: the test database next to the application's.
-- The owner is the default DB_USER; change it here if you set another.
create database hedgedesk_test owner hedgedesk;
