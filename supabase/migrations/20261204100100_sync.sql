-- Sync: the desktop app's change log, pushed and pulled through two RPCs.
--
-- The server keeps every change it accepted (sync_changes, append-only, numbered by server_seq)
-- and the merged current state of each row (sync_rows). Both are generic over the synced tables:
-- a row's fields are a JSON object, and each field remembers the hybrid-logical-clock timestamp of
-- the write that set it, so the server merges by field without knowing the desktop's columns.
--
-- Merge rule, the same on the server and on every device (so all ends converge whatever order
-- changes arrive in):
--   * a field takes the value written with the greatest HLC (HLC strings sort causally when
--     compared byte by byte, hence `collate "C"` on every comparison);
--   * deletes win: `deleted_at` is written only by delete changes (an insert's or update's
--     `deleted_at` is ignored), and deleted_hlc keeps the greatest delete's HLC; once set, no later
--     update brings the row back;
--   * an insert is per-field writes like an update; the row appears on its first change.

-- The allow-list of table names a change may name. Adding a synced table to the desktop app is an
-- insert here (the desktop's own columns need no server migration).
create table private.synced_tables (
  name text primary key check (name ~ '^[a-z][a-z0-9_]*$')
);
alter table private.synced_tables enable row level security;
revoke all on private.synced_tables from public;

insert into private.synced_tables (name) values
  ('job_openings'), ('candidates'), ('resume_files'), ('applications'), ('status_changes'),
  ('candidate_notes'), ('interview_templates'), ('interview_questions'), ('interview_invitations'),
  ('invitation_changes'), ('interview_sessions'), ('interview_answers'), ('interview_kiosk_events'),
  ('assessments'), ('assessment_answer_scores'), ('assessment_integrity_signals'),
  ('assessment_decisions'), ('assessment_score_overrides'), ('demo_counters');

create table public.sync_changes (
  server_seq bigserial primary key,
  org_id uuid not null references public.organisations (id) on delete cascade,
  -- The change's HLC string (it embeds the device's node id), unique within the organisation: a
  -- batch re-sent after a crash is recognised change by change.
  change_id text not null check (length(change_id) between 1 and 200),
  table_name text not null references private.synced_tables (name),
  row_id text not null check (length(row_id) between 1 and 200),
  op text not null check (op in ('insert', 'update', 'delete')),
  fields jsonb not null check (jsonb_typeof(fields) = 'object'),
  hlc text collate "C" not null check (hlc ~ '^[0-9]{15}-[0-9a-f]{4}-.{1,100}$'),
  author uuid references auth.users (id) on delete set null,
  received_at timestamptz not null default now(),
  unique (org_id, change_id)
);
-- sync_pull reads one organisation's changes in server_seq order; policies filter by org_id.
create index sync_changes_org_seq_idx on public.sync_changes (org_id, server_seq);

create table public.sync_rows (
  org_id uuid not null references public.organisations (id) on delete cascade,
  table_name text not null references private.synced_tables (name),
  row_id text not null,
  data jsonb not null default '{}' check (jsonb_typeof(data) = 'object'),
  -- field name -> HLC of the write that set it
  field_hlc jsonb not null default '{}' check (jsonb_typeof(field_hlc) = 'object'),
  deleted_hlc text collate "C",
  primary key (org_id, table_name, row_id)
);

alter table public.sync_changes enable row level security;
alter table public.sync_rows enable row level security;

-- Only sync_push writes (it enforces the merge and the roles); members read their organisation's.
revoke all on public.sync_changes, public.sync_rows from anon, authenticated;
revoke all on sequence public.sync_changes_server_seq_seq from anon, authenticated;
grant select on public.sync_changes, public.sync_rows to authenticated;

create policy "members read their organisation's changes"
  on public.sync_changes for select to authenticated
  using (org_id in (select private.member_org_ids()));

create policy "members read their organisation's rows"
  on public.sync_rows for select to authenticated
  using (org_id in (select private.member_org_ids()));

-- A change's fields as stored: the organisation and row id come from the push, never the payload.
create function private.scoped_fields(p_fields jsonb, p_org uuid, p_row text)
returns jsonb
language sql immutable set search_path = ''
as $$
  select p_fields
    || case when p_fields ? 'org_id' then jsonb_build_object('org_id', p_org) else '{}' end
    || case when p_fields ? 'id' then jsonb_build_object('id', p_row) else '{}' end
$$;
revoke all on function private.scoped_fields(jsonb, uuid, text) from public;

-- What is wrong with one pushed change, or null when nothing is.
create function private.change_problem(p_change jsonb)
returns text
language sql stable set search_path = ''
as $$
  select case
    when jsonb_typeof(p_change) is distinct from 'object'
      or jsonb_typeof(p_change -> 'id') is distinct from 'string'
      or jsonb_typeof(p_change -> 'table') is distinct from 'string'
      or jsonb_typeof(p_change -> 'row_id') is distinct from 'string'
      or jsonb_typeof(p_change -> 'op') is distinct from 'string'
      or jsonb_typeof(p_change -> 'hlc') is distinct from 'string'
      then 'needs string id, table, row_id, op and hlc'
    when jsonb_typeof(p_change -> 'fields') is distinct from 'object' then 'fields must be an object'
    when not exists (select 1 from private.synced_tables t where t.name = p_change ->> 'table')
      then format('%s is not a synced table', p_change ->> 'table')
    when (p_change ->> 'op') not in ('insert', 'update', 'delete') then 'op must be insert, update or delete'
    when (p_change ->> 'hlc') !~ '^[0-9]{15}-[0-9a-f]{4}-.{1,100}$' then 'hlc is not an HLC timestamp'
  end
$$;
revoke all on function private.change_problem(jsonb) from public;

-- Merges the organisation's changes numbered after p_after (those one push just stored) into
-- sync_rows, set-wise: per row and field the batch's greatest-HLC write is found first, then it
-- replaces the stored value only if its HLC is greater than the stored field's (the rule at the top).
create function private.merge_changes_after(p_org uuid, p_after bigint)
returns void
language sql security definer set search_path = ''
as $$
  with fresh as (
    select c.table_name, c.row_id, c.op, c.fields, c.hlc
    from public.sync_changes c
    where c.org_id = p_org and c.server_seq > p_after
  ),
  writes as (
    select f.table_name, f.row_id, w.key, w.value, f.hlc
    from fresh f
    cross join lateral jsonb_each(case when f.op = 'delete' then f.fields else f.fields - 'deleted_at' end) w
  ),
  winners as (
    select distinct on (table_name, row_id, key) table_name, row_id, key, value, hlc
    from writes
    order by table_name, row_id, key, hlc collate "C" desc
  ),
  row_writes as (
    select table_name, row_id, jsonb_object_agg(key, value) as data, jsonb_object_agg(key, hlc) as field_hlc
    from winners
    group by table_name, row_id
  ),
  touched as (
    select table_name, row_id, max(hlc collate "C") filter (where op = 'delete') as deleted_hlc
    from fresh
    group by table_name, row_id
  )
  insert into public.sync_rows as s (org_id, table_name, row_id, data, field_hlc, deleted_hlc)
  select p_org, t.table_name, t.row_id, coalesce(r.data, '{}'), coalesce(r.field_hlc, '{}'), t.deleted_hlc
  from touched t
  left join row_writes r on r.table_name = t.table_name and r.row_id = t.row_id
  on conflict (org_id, table_name, row_id) do update set
    data = s.data || coalesce((
      select jsonb_object_agg(f.key, excluded.data -> f.key)
      from jsonb_each_text(excluded.field_hlc) f
      where coalesce(s.field_hlc ->> f.key, '') collate "C" < f.value collate "C"), '{}'),
    field_hlc = s.field_hlc || coalesce((
      select jsonb_object_agg(f.key, f.value)
      from jsonb_each_text(excluded.field_hlc) f
      where coalesce(s.field_hlc ->> f.key, '') collate "C" < f.value collate "C"), '{}'),
    deleted_hlc = case
      when excluded.deleted_hlc is null then s.deleted_hlc
      when s.deleted_hlc is null or s.deleted_hlc < excluded.deleted_hlc collate "C" then excluded.deleted_hlc
      else s.deleted_hlc
    end
$$;
revoke all on function private.merge_changes_after(uuid, bigint) from public;

create function private.invalid_change(p_index int, p_problem text)
returns void
language plpgsql set search_path = ''
as $$
begin
  raise exception 'change %: %', p_index, p_problem using errcode = '22023';
end
$$;
revoke all on function private.invalid_change(int, text) from public;

create function public.sync_push(p_org uuid, p_changes jsonb)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_bad record;
  v_before bigint;
  v_applied int;
begin
  perform private.require_role(p_org, array['admin', 'recruiter']);
  if jsonb_typeof(p_changes) is distinct from 'array' then
    raise exception 'p_changes must be an array of changes' using errcode = '22023';
  end if;
  if jsonb_array_length(p_changes) > 1000 then
    raise exception 'at most 1000 changes per push (got %)', jsonb_array_length(p_changes) using errcode = '22023';
  end if;
  select c.idx, private.change_problem(c.value) as problem into v_bad
  from jsonb_array_elements(p_changes) with ordinality as c(value, idx)
  where private.change_problem(c.value) is not null
  order by c.idx
  limit 1;
  if found then
    perform private.invalid_change(v_bad.idx::int, v_bad.problem);
  end if;

  -- One push at a time per organisation: server_seq values then commit in order, so a puller
  -- that has seen seq N can never later find an N-1 that was still in flight; and this push's
  -- changes are exactly the organisation's changes numbered after v_before.
  perform pg_advisory_xact_lock(hashtextextended(p_org::text, 0));
  select coalesce(max(c.server_seq), 0) into v_before from public.sync_changes c where c.org_id = p_org;

  -- A change id already stored (a batch re-sent after a crash, or twice in one batch) is skipped.
  insert into public.sync_changes (org_id, change_id, table_name, row_id, op, fields, hlc, author)
  select p_org, c.value ->> 'id', c.value ->> 'table', c.value ->> 'row_id', c.value ->> 'op',
         private.scoped_fields(c.value -> 'fields', p_org, c.value ->> 'row_id'), c.value ->> 'hlc',
         (select auth.uid())
  from jsonb_array_elements(p_changes) with ordinality as c(value, idx)
  order by c.idx
  on conflict (org_id, change_id) do nothing;
  get diagnostics v_applied = row_count;

  perform private.merge_changes_after(p_org, v_before);
  -- previous_cursor lets a device that had pulled up to it know the changes since are all its own.
  return jsonb_build_object(
    'cursor', (select coalesce(max(c.server_seq), 0) from public.sync_changes c where c.org_id = p_org),
    'previous_cursor', v_before,
    'applied', v_applied,
    'skipped', jsonb_array_length(p_changes) - v_applied);
end
$$;

create function public.sync_pull(p_org uuid, p_cursor bigint, p_limit int default 500)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_limit int := least(greatest(coalesce(p_limit, 500), 1), 1000);
  v_page jsonb;
  v_more boolean;
begin
  perform private.require_role(p_org, array['admin', 'recruiter', 'viewer']);
  -- One row past the page tells whether there is more.
  select coalesce(jsonb_agg(jsonb_build_object(
           'seq', c.server_seq, 'id', c.change_id, 'table', c.table_name, 'row_id', c.row_id, 'op', c.op,
           'fields', c.fields, 'hlc', c.hlc, 'author', c.author) order by c.server_seq), '[]')
  into v_page
  from (
    select * from public.sync_changes
    where org_id = p_org and server_seq > coalesce(p_cursor, 0)
    order by server_seq
    limit v_limit + 1
  ) c;
  v_more := jsonb_array_length(v_page) > v_limit;
  if v_more then
    v_page := v_page - v_limit;
  end if;
  return jsonb_build_object(
    'changes', v_page,
    'cursor', coalesce((v_page -> -1 ->> 'seq')::bigint, p_cursor, 0),
    'more', v_more);
end
$$;

revoke all on function public.sync_push(uuid, jsonb) from public, anon;
revoke all on function public.sync_pull(uuid, bigint, int) from public, anon;
grant execute on function public.sync_push(uuid, jsonb) to authenticated;
grant execute on function public.sync_pull(uuid, bigint, int) to authenticated;
