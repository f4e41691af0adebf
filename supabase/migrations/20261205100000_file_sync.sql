-- File sync: resumes and answer recordings in Supabase Storage, for workspaces that turn it on.
--
-- Off by default: files stay on the computer that holds them. An admin turns it on; recruiters'
-- and admins' studios then upload their files to the private bucket `workspace-files`, under
-- `<org id>/<sha-256 of the bytes>`, and record each in the synced table workspace_files, so a
-- teammate's studio knows what exists and fetches it when needed. The same rules as the synced
-- rows decide who reaches a file, enforced here on storage.objects (Storage runs every request
-- as the caller's role): members read, admins and recruiters write, only while the organisation
-- has file sync on. Viewers read but never upload.

alter table public.organisations add column file_sync boolean not null default false;

insert into private.synced_tables (name) values ('workspace_files');

insert into storage.buckets (id, name, public, file_size_limit)
values ('workspace-files', 'workspace-files', false, 2147483648)
on conflict (id) do nothing;

-- The organisation an object's path names, or null when the path is not `<uuid>/<name>`: a
-- malformed path then matches no organisation instead of raising inside a policy.
create function private.file_org(p_name text)
returns uuid
language sql immutable set search_path = ''
as $$
  select case when p_name ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[0-9a-f]{64}$'
    then split_part(p_name, '/', 1)::uuid end
$$;

-- The organisations where the caller holds one of the roles and file sync is on.
create function private.file_sync_org_ids(p_roles text[])
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select o.id
  from public.organisations o
  where o.file_sync and o.id in (select private.member_org_ids(p_roles))
$$;
revoke all on function private.file_org(text) from public;
revoke all on function private.file_sync_org_ids(text[]) from public;
grant execute on function private.file_org(text) to authenticated;
grant execute on function private.file_sync_org_ids(text[]) to authenticated;

create policy "members read their organisation's synced files"
  on storage.objects for select to authenticated
  using (bucket_id = 'workspace-files'
    and private.file_org(name) in (select private.file_sync_org_ids(array['admin', 'recruiter', 'viewer'])));

create policy "admins and recruiters upload their organisation's files"
  on storage.objects for insert to authenticated
  with check (bucket_id = 'workspace-files'
    and private.file_org(name) in (select private.file_sync_org_ids(array['admin', 'recruiter'])));

-- Deleting is how an erasure or turning file sync off reaches the bucket; it needs no file sync.
create policy "admins and recruiters delete their organisation's files"
  on storage.objects for delete to authenticated
  using (bucket_id = 'workspace-files'
    and private.file_org(name) in (select private.member_org_ids(array['admin', 'recruiter'])));

create function public.set_file_sync(p_org uuid, p_on boolean)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.require_role(p_org, array['admin']);
  update public.organisations set file_sync = p_on where id = p_org;
end
$$;

create or replace function public.my_organisations()
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', o.id, 'name', o.name, 'role', m.role, 'file_sync', o.file_sync) order by o.name, o.id), '[]')
  from public.organisation_members m
  join public.organisations o on o.id = m.org_id
  where m.user_id = (select auth.uid())
$$;

revoke all on function public.set_file_sync(uuid, boolean) from public, anon;
grant execute on function public.set_file_sync(uuid, boolean) to authenticated;
