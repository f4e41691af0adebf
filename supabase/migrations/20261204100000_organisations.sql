-- Organisations, their members and invitations by email.
--
-- Access rules live in the database, not the app: every table has row-level security, and what a
-- user may do follows from their membership row, read afresh by every statement, so removing a
-- member takes effect on their very next request. Writes that must keep an invariant (an
-- organisation always has an admin; an invitation is used once) go through functions; the API
-- roles get no direct write grants on these tables.

-- Helpers that policies call. `private` is not an exposed API schema, so PostgREST cannot call
-- these directly; they run as their owner (security definer) so a policy on organisation_members
-- can consult organisation_members without recursing into its own policy.
create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated;

create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 200),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);

create table public.organisation_members (
  org_id uuid not null references public.organisations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null check (role in ('admin', 'recruiter', 'viewer')),
  created_at timestamptz not null default now(),
  primary key (org_id, user_id)
);
-- Policies look members up by user (the primary key serves lookups by organisation).
create index organisation_members_user_id_idx on public.organisation_members (user_id, org_id);

create table public.organisation_invitations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organisations (id) on delete cascade,
  email text not null check (email ~ '^[^@[:space:]]+@[^@[:space:]]+$' and length(email) <= 320),
  role text not null check (role in ('admin', 'recruiter', 'viewer')),
  -- Only a hash is kept: someone who can read this table still cannot accept an invitation.
  token_hash bytea not null unique,
  invited_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null
);
create index organisation_invitations_org_id_idx on public.organisation_invitations (org_id);
-- One open invitation per address and organisation; inviting again renews it.
create unique index organisation_invitations_open_idx
  on public.organisation_invitations (org_id, lower(email)) where accepted_at is null;

-- The organisations the caller belongs to, optionally only those where they hold one of the roles.
-- Policies use it as `org_id in (select private.member_org_ids(...))`: it does not depend on the
-- row, so Postgres runs it once per statement rather than once per row.
create function private.member_org_ids(p_roles text[] default null)
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.org_id
  from public.organisation_members m
  where m.user_id = (select auth.uid())
    and (p_roles is null or m.role = any (p_roles))
$$;

-- The caller's role in one organisation, or null when they are not a member.
create function private.member_role(p_org uuid)
returns text
language sql stable security definer set search_path = ''
as $$
  select m.role
  from public.organisation_members m
  where m.org_id = p_org and m.user_id = (select auth.uid())
$$;

revoke all on function private.member_org_ids(text[]) from public;
revoke all on function private.member_role(uuid) from public;
grant execute on function private.member_org_ids(text[]) to authenticated;
grant execute on function private.member_role(uuid) to authenticated;

alter table public.organisations enable row level security;
alter table public.organisation_members enable row level security;
alter table public.organisation_invitations enable row level security;

-- Writes go through the functions below; reads are filtered by the policies.
revoke all on public.organisations, public.organisation_members, public.organisation_invitations
  from anon, authenticated;
grant select on public.organisations, public.organisation_members, public.organisation_invitations
  to authenticated;
grant update (name) on public.organisations to authenticated;

create policy "members see their organisations"
  on public.organisations for select to authenticated
  using (id in (select private.member_org_ids()));

create policy "admins rename their organisations"
  on public.organisations for update to authenticated
  using (id in (select private.member_org_ids(array['admin'])))
  with check (id in (select private.member_org_ids(array['admin'])));

create policy "members see their organisations' members"
  on public.organisation_members for select to authenticated
  using (org_id in (select private.member_org_ids()));

create policy "admins see their organisations' invitations"
  on public.organisation_invitations for select to authenticated
  using (org_id in (select private.member_org_ids(array['admin'])));

-- Raised for every refusal, so PostgREST answers 403 (401 for anon) whatever the reason.
create function private.refuse(p_message text)
returns void
language plpgsql set search_path = ''
as $$
begin
  raise exception '%', p_message using errcode = '42501';
end
$$;
revoke all on function private.refuse(text) from public;

create function private.require_role(p_org uuid, p_roles text[])
returns text
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_role text;
begin
  if (select auth.uid()) is null then
    perform private.refuse('sign in first');
  end if;
  v_role := private.member_role(p_org);
  if v_role is null or not v_role = any (p_roles) then
    perform private.refuse('not allowed in this organisation');
  end if;
  return v_role;
end
$$;
revoke all on function private.require_role(uuid, text[]) from public;

create function public.create_organisation(p_name text)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_org uuid;
begin
  if v_uid is null then
    perform private.refuse('sign in first');
  end if;
  insert into public.organisations (name, created_by) values (btrim(p_name), v_uid) returning id into v_org;
  insert into public.organisation_members (org_id, user_id, role) values (v_org, v_uid, 'admin');
  return v_org;
end
$$;

-- Returns the plain token once; the caller sends it to the invitee (only its hash is stored).
create function public.invite_member(p_org uuid, p_email text, p_role text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_token text := encode(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'hex');
  v_invitation public.organisation_invitations;
begin
  perform private.require_role(p_org, array['admin']);
  insert into public.organisation_invitations (org_id, email, role, token_hash, invited_by, expires_at)
  values (p_org, lower(btrim(p_email)), p_role, sha256(convert_to(v_token, 'UTF8')), (select auth.uid()),
          now() + interval '7 days')
  on conflict (org_id, lower(email)) where accepted_at is null
  do update set role = excluded.role, token_hash = excluded.token_hash, invited_by = excluded.invited_by,
                created_at = now(), expires_at = excluded.expires_at
  returning * into v_invitation;
  return jsonb_build_object(
    'id', v_invitation.id, 'org_id', v_invitation.org_id, 'email', v_invitation.email,
    'role', v_invitation.role, 'token', v_token, 'expires_at', v_invitation.expires_at);
end
$$;

-- The invitation is for an address: only the account signed in with that email may accept it.
create function public.accept_invitation(p_token text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_email text;
  v_invitation public.organisation_invitations;
begin
  if v_uid is null then
    perform private.refuse('sign in first');
  end if;
  select * into v_invitation
  from public.organisation_invitations
  where token_hash = sha256(convert_to(coalesce(p_token, ''), 'UTF8'))
  for update;
  if not found or v_invitation.accepted_at is not null or v_invitation.expires_at < now() then
    raise exception 'this invitation is not valid (unknown, used or expired)' using errcode = 'P0001';
  end if;
  select lower(u.email) into v_email from auth.users u where u.id = v_uid;
  if v_email is distinct from v_invitation.email then
    perform private.refuse('this invitation is for another email address');
  end if;
  -- Someone already in the organisation keeps the role they have.
  insert into public.organisation_members (org_id, user_id, role)
  values (v_invitation.org_id, v_uid, v_invitation.role)
  on conflict (org_id, user_id) do nothing;
  update public.organisation_invitations
  set accepted_at = now(), accepted_by = v_uid
  where id = v_invitation.id;
  return jsonb_build_object('org_id', v_invitation.org_id, 'role', private.member_role(v_invitation.org_id));
end
$$;

-- Locks the organisation row so two admins changing roles at once cannot both remove the last
-- other admin.
create function private.lock_organisation_and_check_admins(p_org uuid, p_user uuid, p_new_role text)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_admins_left int;
begin
  perform 1 from public.organisations where id = p_org for update;
  select count(*) into v_admins_left
  from public.organisation_members
  where org_id = p_org and role = 'admin' and user_id <> p_user;
  if v_admins_left = 0 and p_new_role is distinct from 'admin' then
    raise exception 'an organisation keeps at least one admin' using errcode = 'P0001';
  end if;
end
$$;
revoke all on function private.lock_organisation_and_check_admins(uuid, uuid, text) from public;

create function public.change_role(p_org uuid, p_user uuid, p_role text)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.require_role(p_org, array['admin']);
  perform private.lock_organisation_and_check_admins(p_org, p_user, p_role);
  update public.organisation_members set role = p_role where org_id = p_org and user_id = p_user;
  if not found then
    raise exception 'no such member' using errcode = 'P0001';
  end if;
end
$$;

create function public.remove_member(p_org uuid, p_user uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.require_role(p_org, array['admin']);
  perform private.lock_organisation_and_check_admins(p_org, p_user, null);
  delete from public.organisation_members where org_id = p_org and user_id = p_user;
  if not found then
    raise exception 'no such member' using errcode = 'P0001';
  end if;
end
$$;

-- What the app lists, as RPCs so the client needs nothing but rpc/ (no table endpoints).
create function public.my_organisations()
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name, 'role', m.role) order by o.name, o.id), '[]')
  from public.organisation_members m
  join public.organisations o on o.id = m.org_id
  where m.user_id = (select auth.uid())
$$;

create function public.organisation_members_list(p_org uuid)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_role(p_org, array['admin', 'recruiter', 'viewer']);
  return (
    select coalesce(jsonb_agg(jsonb_build_object(
      'user_id', m.user_id, 'email', u.email, 'role', m.role, 'joined_at', m.created_at) order by u.email), '[]')
    from public.organisation_members m
    join auth.users u on u.id = m.user_id
    where m.org_id = p_org);
end
$$;

create function public.organisation_invitations_list(p_org uuid)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_role(p_org, array['admin']);
  return (
    select coalesce(jsonb_agg(jsonb_build_object(
      'id', i.id, 'email', i.email, 'role', i.role, 'created_at', i.created_at,
      'expires_at', i.expires_at, 'accepted_at', i.accepted_at) order by i.created_at), '[]')
    from public.organisation_invitations i
    where i.org_id = p_org);
end
$$;

-- Supabase grants execute on new functions to anon; none of these is for the signed-out.
revoke all on function public.create_organisation(text) from public, anon;
revoke all on function public.invite_member(uuid, text, text) from public, anon;
revoke all on function public.accept_invitation(text) from public, anon;
revoke all on function public.change_role(uuid, uuid, text) from public, anon;
revoke all on function public.remove_member(uuid, uuid) from public, anon;
revoke all on function public.my_organisations() from public, anon;
revoke all on function public.organisation_members_list(uuid) from public, anon;
revoke all on function public.organisation_invitations_list(uuid) from public, anon;
grant execute on function public.create_organisation(text) to authenticated;
grant execute on function public.invite_member(uuid, text, text) to authenticated;
grant execute on function public.accept_invitation(text) to authenticated;
grant execute on function public.change_role(uuid, uuid, text) to authenticated;
grant execute on function public.remove_member(uuid, uuid) to authenticated;
grant execute on function public.my_organisations() to authenticated;
grant execute on function public.organisation_members_list(uuid) to authenticated;
grant execute on function public.organisation_invitations_list(uuid) to authenticated;
