-- Erasure on request: a delete change whose fields carry "erased": true (the desktop app sends it
-- when a recruiter deletes a candidate) removes what the workspace keeps about that row, not only
-- its visibility; an erased candidate's shared links go with their snapshots and view logs. The row's earlier changes keep their place in the log (devices page through it
-- by server_seq) but lose their fields; the merged row keeps only its tombstone. Changes for an
-- erased row that arrive later (a teammate's edit made offline) are stored without their fields.
-- A device that pulls the log afterwards sees an empty insert and the tombstone, so the row never
-- appears there.

-- sync_push's scrub finds a row's changes by (org, table, row).
create index sync_changes_org_row_idx on public.sync_changes (org_id, table_name, row_id);

create function private.tombstone_fields(p_fields jsonb)
returns jsonb
language sql immutable set search_path = ''
as $$
  select coalesce((
    select jsonb_object_agg(f.key, f.value)
    from jsonb_each(p_fields) f
    where f.key in ('deleted_at', 'updated_at', 'erased')), '{}')
$$;
revoke all on function private.tombstone_fields(jsonb) from public;

-- Scrubs every erased row that the changes numbered after p_after touched.
create function private.erase_rows_after(p_org uuid, p_after bigint)
returns void
language sql security definer set search_path = ''
as $$
  with erased as (
    select distinct r.table_name, r.row_id
    from public.sync_changes c
    join public.sync_rows r
      on r.org_id = c.org_id and r.table_name = c.table_name and r.row_id = c.row_id
    where c.org_id = p_org and c.server_seq > p_after
      and r.deleted_hlc is not null and r.data ->> 'erased' = 'true'
  ),
  changes as (
    update public.sync_changes c
    set fields = case when c.op = 'delete' then private.tombstone_fields(c.fields) else '{}' end
    from erased e
    where c.org_id = p_org and c.table_name = e.table_name and c.row_id = e.row_id
      and c.fields <> case when c.op = 'delete' then private.tombstone_fields(c.fields) else '{}' end
    returning 1
  ),
  links as (
    delete from public.shared_links l
    using erased e
    where e.table_name = 'candidates' and l.org_id = p_org and l.candidate_id = e.row_id
    returning 1
  )
  update public.sync_rows r
  set data = private.tombstone_fields(r.data), field_hlc = private.tombstone_fields(r.field_hlc)
  from erased e
  where r.org_id = p_org and r.table_name = e.table_name and r.row_id = e.row_id
$$;
revoke all on function private.erase_rows_after(uuid, bigint) from public;

-- sync_push calls private.merge_changes_after by name; the merge it had becomes the first step.
alter function private.merge_changes_after(uuid, bigint) rename to merge_fields_after;

create function private.merge_changes_after(p_org uuid, p_after bigint)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.merge_fields_after(p_org, p_after);
  perform private.erase_rows_after(p_org, p_after);
end
$$;
revoke all on function private.merge_changes_after(uuid, bigint) from public;
