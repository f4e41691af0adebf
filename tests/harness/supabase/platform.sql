-- What a Supabase project has before any of our migrations run, and nothing more: the API roles,
-- the `auth` schema with the users table and the functions policies call, and the default grants
-- Supabase gives the API roles on new objects in `public`. The migrations are then applied on top
-- unchanged, so the grants they revoke and the policies they add are tested against the same
-- starting point a real project has.

-- The roles PostgREST switches to. `authenticator` is the login it connects as; like Supabase's, it
-- inherits nothing, so a request can do only what the role it switched to may do.
create role anon nologin noinherit;
create role authenticated nologin noinherit;
create role service_role nologin noinherit bypassrls;
create role authenticator login noinherit;
grant anon, authenticated, service_role to authenticator;

-- As on Supabase, `postgres` (the role migrations run as, owning what they create) is not a
-- superuser: it reaches the auth schema only through what is granted below, so a migration that
-- would need more fails here as it would in `supabase db push`. The cluster's superuser is
-- supabase_admin, which owns the platform's objects.
create role postgres login createrole createdb;
grant anon, authenticated, service_role to postgres;
do $$ begin execute format('grant create on database %I to postgres', current_database()); end $$;
grant usage, create on schema public to postgres;

create schema auth;
grant usage on schema auth to anon, authenticated, service_role, postgres;

-- The columns of GoTrue's users table that the stand-in uses, with GoTrue's names.
create table auth.users (
  id uuid primary key default gen_random_uuid(),
  aud text not null default 'authenticated',
  role text not null default 'authenticated',
  email text unique,
  encrypted_password text not null,
  email_confirmed_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb not null default '{"provider": "email", "providers": ["email"]}',
  raw_user_meta_data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

grant select, references on auth.users to postgres;

create table auth.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now()
);

create table auth.refresh_tokens (
  token text primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  session_id uuid not null references auth.sessions (id) on delete cascade,
  revoked boolean not null default false,
  created_at timestamptz not null default now()
);

-- Supabase's definitions: the claims PostgREST puts in request.jwt.claims (and the older per-claim
-- settings, which PostgREST no longer sets but Supabase still reads first).
create function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

-- Supabase grants the API roles everything on what is created in public; policies and revokes in
-- the migrations are what narrow it.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;

-- Supabase Storage's schema, the parts its API reads and writes: buckets, and one row per object
-- whose bytes the storage service keeps elsewhere. The API runs each request as the caller's role
-- with their claims, so the policies a migration puts on storage.objects decide who may upload,
-- download or delete, as on a real project. Owned by the storage service's role, which postgres is
-- a member of (so migrations can add policies and buckets, as on Supabase).
create role supabase_storage_admin nologin noinherit;
grant supabase_storage_admin to postgres;
create schema storage authorization supabase_storage_admin;
grant usage on schema storage to anon, authenticated, service_role, postgres;

create table storage.buckets (
  id text primary key,
  name text not null unique,
  owner uuid,
  public boolean not null default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table storage.objects (
  id uuid primary key default gen_random_uuid(),
  bucket_id text not null references storage.buckets (id),
  name text not null,
  owner uuid,
  owner_id text,
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_accessed_at timestamptz not null default now(),
  unique (bucket_id, name)
);
alter table storage.buckets owner to supabase_storage_admin;
alter table storage.objects owner to supabase_storage_admin;
alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;
grant all on storage.buckets, storage.objects to anon, authenticated, service_role, postgres;

-- Storage's path helpers, as Supabase defines them: 'a/b/c.pdf' → {a,b}, 'c.pdf', 'pdf'.
create function storage.foldername(name text) returns text[]
language plpgsql immutable
as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[1:array_length(_parts, 1) - 1];
end
$$;

create function storage.filename(name text) returns text
language plpgsql immutable
as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[array_length(_parts, 1)];
end
$$;
alter function storage.foldername(text) owner to supabase_storage_admin;
alter function storage.filename(text) owner to supabase_storage_admin;
