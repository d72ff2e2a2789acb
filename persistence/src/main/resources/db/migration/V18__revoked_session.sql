-- Sessions ended by a logout. The session cookie (quarkus-oidc's encrypted q_session) is self-contained, so a copy
-- saved before the logout would stay valid until its ID token expires; every authenticated request is checked
-- against this table. session_key is 'sid:<Keycloak session id>' (or 'jti:<ID token id>' when a provider sends no
-- sid), or 'sub:<issuer> <subject>' for a back-channel logout naming only the user: then every session whose ID
-- token was issued at or before revoked_at is over. Rows past expires_at can no longer match a live session and
-- are deleted when the next one is written.
create table revoked_session (
    session_key  varchar(600) primary key,
    revoked_at   timestamptz  not null,
    expires_at   timestamptz  not null
);

create index revoked_session_expires_at_idx on revoked_session (expires_at);
