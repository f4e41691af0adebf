-- Shared links: a read-only page for a hiring manager without an account, holding a snapshot of
-- exactly what the recruiter chose to share. The link is `<link id>.<secret>`; only the secret's
-- SHA-256 is stored, so reading this table (or a backup of it) does not give working links.
-- Views are logged, successful or not, so an organisation can see who opened what and when a
-- revoked, expired or altered link was tried.

create table public.shared_links (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organisations (id) on delete cascade,
  candidate_id text not null check (length(candidate_id) between 1 and 100),
  token_hash bytea not null unique,
  -- The snapshot the page shows, built by the app from what was ticked; never media.
  fields jsonb not null check (jsonb_typeof(fields) = 'object' and octet_length(fields::text) <= 200000),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index shared_links_org_candidate_idx on public.shared_links (org_id, candidate_id);

create table public.shared_link_views (
  id bigint generated always as identity primary key,
  -- Null for a link id nobody created: such an attempt belongs to no organisation.
  link_id uuid references public.shared_links (id) on delete cascade,
  org_id uuid references public.organisations (id) on delete cascade,
  at timestamptz not null default now(),
  outcome text not null check (outcome in ('shown', 'expired', 'revoked', 'tampered', 'unknown')),
  user_agent text check (length(user_agent) <= 200)
);
create index shared_link_views_link_idx on public.shared_link_views (link_id, at);
create index shared_link_views_org_idx on public.shared_link_views (org_id);

alter table public.shared_links enable row level security;
alter table public.shared_link_views enable row level security;

revoke all on public.shared_links, public.shared_link_views from anon, authenticated;
grant select on public.shared_links, public.shared_link_views to authenticated;

create policy "members see their organisations' shared links"
  on public.shared_links for select to authenticated
  using (org_id in (select private.member_org_ids()));

create policy "members see their organisations' shared link views"
  on public.shared_link_views for select to authenticated
  using (org_id in (select private.member_org_ids()));

-- Creates a link valid until p_expires_at (at most 30 days ahead) and returns `{ id, token,
-- expires_at }`. The token is returned this once; the database keeps only its hash.
create function public.create_shared_link(
  p_org uuid, p_candidate_id text, p_fields jsonb, p_expires_at timestamptz)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_secret text := encode(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'hex');
  v_id uuid;
begin
  perform private.require_role(p_org, array['admin', 'recruiter']);
  if p_candidate_id is null or length(p_candidate_id) not between 1 and 100 then
    raise exception 'a candidate id is required' using errcode = '22023';
  end if;
  if p_fields is null or jsonb_typeof(p_fields) <> 'object' then
    raise exception 'the shared fields must be an object' using errcode = '22023';
  end if;
  if p_expires_at is null or p_expires_at <= now() or p_expires_at > now() + interval '30 days' then
    raise exception 'a link expires within 30 days' using errcode = '22023';
  end if;
  insert into public.shared_links (org_id, candidate_id, token_hash, fields, created_by, expires_at)
  values (p_org, p_candidate_id, sha256(convert_to(v_secret, 'UTF8')), p_fields, (select auth.uid()), p_expires_at)
  returning id into v_id;
  return jsonb_build_object('id', v_id, 'token', v_id::text || '.' || v_secret, 'expires_at', p_expires_at);
end
$$;

create function public.revoke_shared_link(p_link uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_org uuid;
begin
  select org_id into v_org from public.shared_links where id = p_link;
  -- An unknown link and another organisation's link are refused alike, so ids cannot be probed.
  perform private.require_role(coalesce(v_org, '00000000-0000-0000-0000-000000000000'), array['admin', 'recruiter']);
  update public.shared_links set revoked_at = coalesce(revoked_at, now()) where id = p_link;
end
$$;

-- The candidate's links, newest first, each with its views (newest first) and their count.
create function public.shared_links_for_candidate(p_org uuid, p_candidate text)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_role(p_org, array['admin', 'recruiter', 'viewer']);
  return (
    select coalesce(jsonb_agg(jsonb_build_object(
      'id', l.id, 'candidate_id', l.candidate_id, 'fields', l.fields, 'created_by', l.created_by,
      'created_at', l.created_at, 'expires_at', l.expires_at, 'revoked_at', l.revoked_at,
      'view_count', (select count(*) from public.shared_link_views v where v.link_id = l.id),
      'views', (select coalesce(jsonb_agg(jsonb_build_object(
                  'at', v.at, 'outcome', v.outcome, 'user_agent', v.user_agent) order by v.at desc), '[]')
                from public.shared_link_views v where v.link_id = l.id))
      order by l.created_at desc), '[]')
    from public.shared_links l
    where l.org_id = p_org and l.candidate_id = p_candidate);
end
$$;

-- For the shared-link Edge Function only (service role): checks a link, logs the attempt and
-- returns `{ outcome, fields }`, fields only when shown. p_token_hash is the hex SHA-256 of the
-- secret part; comparing hashes keeps the secret itself out of the database.
create function public.view_shared_link(p_token_id uuid, p_token_hash text, p_user_agent text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_link public.shared_links;
  v_outcome text;
begin
  select * into v_link from public.shared_links where id = p_token_id;
  if v_link.id is null then
    v_outcome := 'unknown';
  elsif p_token_hash is null or p_token_hash !~ '^[0-9a-f]{64}$'
        or v_link.token_hash <> decode(p_token_hash, 'hex') then
    v_outcome := 'tampered';
  elsif v_link.revoked_at is not null then
    v_outcome := 'revoked';
  elsif v_link.expires_at <= now() then
    v_outcome := 'expired';
  else
    v_outcome := 'shown';
  end if;
  insert into public.shared_link_views (link_id, org_id, outcome, user_agent)
  values (v_link.id, v_link.org_id, v_outcome, left(p_user_agent, 200));
  return jsonb_build_object('outcome', v_outcome, 'fields', case when v_outcome = 'shown' then v_link.fields end);
end
$$;

-- Supabase grants execute on new functions to anon; none of these is for the signed-out, and the
-- view check is for the Edge Function alone.
revoke all on function public.create_shared_link(uuid, text, jsonb, timestamptz) from public, anon;
revoke all on function public.revoke_shared_link(uuid) from public, anon;
revoke all on function public.shared_links_for_candidate(uuid, text) from public, anon;
revoke all on function public.view_shared_link(uuid, text, text) from public, anon, authenticated;
grant execute on function public.create_shared_link(uuid, text, jsonb, timestamptz) to authenticated;
grant execute on function public.revoke_shared_link(uuid) to authenticated;
grant execute on function public.shared_links_for_candidate(uuid, text) to authenticated;
grant execute on function public.view_shared_link(uuid, text, text) to service_role;
