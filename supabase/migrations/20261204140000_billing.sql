-- Billing: plans and their limits, one entitlement per organisation (what its subscription gives
-- it), quota reservations counted per monthly period, and every payment event applied once.
--
-- Money never touches the desktop app: the `billing` Edge Function creates checkouts and applies
-- the providers' signed webhooks through billing_apply_event (service role only). The app reads
-- billing_entitlement and reserves quota with reserve_quota before AI work, so two devices racing
-- for the last unit cannot both have it.

create table public.plans (
  id text primary key check (id in ('free', 'plus', 'pro')),
  name text not null,
  rank int not null unique,
  ai_interviews int not null check (ai_interviews >= 0),
  seats int not null check (seats >= 1),
  ai_screening int not null check (ai_screening >= 0)
);
insert into public.plans (id, name, rank, ai_interviews, seats, ai_screening) values
  ('free', 'Free', 1, 5, 2, 50),
  ('plus', 'Plus', 2, 50, 5, 1000),
  ('pro', 'Pro', 3, 500, 25, 10000);

create table public.billing_entitlements (
  org_id uuid primary key references public.organisations (id) on delete cascade,
  plan text not null default 'free' references public.plans (id),
  status text not null default 'none' check (status in ('active', 'trialing', 'past_due', 'canceled', 'none')),
  provider text check (provider in ('stripe', 'razorpay')),
  provider_customer text check (length(provider_customer) <= 200),
  provider_subscription text check (length(provider_subscription) <= 200),
  period_start timestamptz,
  period_end timestamptz,
  -- The provider's own time of the last event applied: an older event never moves the state back.
  provider_updated_at timestamptz,
  updated_at timestamptz not null default now()
);
create unique index billing_entitlements_subscription_idx
  on public.billing_entitlements (provider, provider_subscription) where provider_subscription is not null;

-- Every organisation has its row from the start (on Free), so reading and locking never need to create it.
insert into public.billing_entitlements (org_id) select id from public.organisations;
create function private.add_entitlement()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.billing_entitlements (org_id) values (new.id);
  return new;
end
$$;
revoke all on function private.add_entitlement() from public;
create trigger organisations_start_on_free after insert on public.organisations
  for each row execute function private.add_entitlement();

create table public.quota_reservations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organisations (id) on delete cascade,
  kind text not null check (kind in ('ai_interview', 'ai_screening')),
  -- The app's id for the work: a retried job sends the same one and is never counted twice.
  request_id uuid not null,
  amount int not null check (amount between 1 and 1000),
  period_start timestamptz not null,
  released_at timestamptz,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (org_id, request_id)
);
create index quota_reservations_usage_idx on public.quota_reservations (org_id, kind, period_start)
  where released_at is null;

create table public.billing_events (
  provider text not null check (provider in ('stripe', 'razorpay')),
  event_id text not null check (length(event_id) between 1 and 200),
  -- Razorpay's subscription.charged names its payment: a replay under a new event id is the same payment.
  payment_id text check (length(payment_id) <= 200),
  type text not null check (length(type) <= 100),
  org_id uuid references public.organisations (id) on delete set null,
  applied boolean not null,
  received_at timestamptz not null default now(),
  primary key (provider, event_id)
);
create unique index billing_events_payment_idx on public.billing_events (provider, payment_id)
  where payment_id is not null;
create index billing_events_org_idx on public.billing_events (org_id);

alter table public.plans enable row level security;
alter table public.billing_entitlements enable row level security;
alter table public.quota_reservations enable row level security;
alter table public.billing_events enable row level security;
revoke all on public.plans, public.billing_entitlements, public.quota_reservations, public.billing_events
  from anon, authenticated;
grant select on public.plans to authenticated;
grant select on public.billing_entitlements, public.quota_reservations to authenticated;

create policy "anyone signed in reads the plans"
  on public.plans for select to authenticated using (true);
create policy "members read their organisation's entitlement"
  on public.billing_entitlements for select to authenticated
  using (org_id in (select private.member_org_ids()));
create policy "members read their organisation's reservations"
  on public.quota_reservations for select to authenticated
  using (org_id in (select private.member_org_ids()));
-- billing_events: no policy, so no API role reads it; only the service role's function writes it.

-- The plan an organisation has now: a subscription that lapsed is back on Free.
create function private.effective_plan(p_org uuid)
returns public.plans
language sql stable security definer set search_path = ''
as $$
  select p.* from public.plans p
  where p.id = coalesce((
    select e.plan from public.billing_entitlements e
    where e.org_id = p_org and e.status in ('active', 'trialing', 'past_due')), 'free')
$$;
revoke all on function private.effective_plan(uuid) from public;

-- The monthly period usage counts in: the paid subscription's own period while it runs, else the
-- calendar month (UTC).
create function private.current_period(p_org uuid, out period_start timestamptz, out period_end timestamptz)
language sql stable security definer set search_path = ''
as $$
  select
    coalesce(e.period_start, date_trunc('month', now() at time zone 'utc') at time zone 'utc'),
    coalesce(e.period_end, (date_trunc('month', now() at time zone 'utc') + interval '1 month') at time zone 'utc')
  from (select 1) one
  left join public.billing_entitlements e
    on e.org_id = p_org and e.status in ('active', 'trialing', 'past_due')
    and e.period_start <= now() and e.period_end > now()
$$;
revoke all on function private.current_period(uuid) from public;

create function private.used(p_org uuid, p_kind text, p_since timestamptz)
returns int
language sql stable security definer set search_path = ''
as $$
  select coalesce(sum(r.amount), 0)::int from public.quota_reservations r
  where r.org_id = p_org and r.kind = p_kind and r.period_start = p_since and r.released_at is null
$$;
revoke all on function private.used(uuid, text, timestamptz) from public;

-- Members plus invitations still open: an invitation holds its seat until it expires.
create function private.seats_taken(p_org uuid, p_except_email text default null)
returns int
language sql stable security definer set search_path = ''
as $$
  select (select count(*) from public.organisation_members m where m.org_id = p_org)::int
       + (select count(*) from public.organisation_invitations i
          where i.org_id = p_org and i.accepted_at is null and i.expires_at > now()
            and i.email is distinct from lower(p_except_email))::int
$$;
revoke all on function private.seats_taken(uuid, text) from public;

create function public.billing_entitlement(p_org uuid)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_role text := private.require_role(p_org, array['admin', 'recruiter', 'viewer']);
  v_plan public.plans := private.effective_plan(p_org);
  v_period record := private.current_period(p_org);
  v_entitlement public.billing_entitlements;
begin
  select * into v_entitlement from public.billing_entitlements e where e.org_id = p_org;
  return jsonb_build_object(
    'plan', v_plan.id,
    'status', coalesce(v_entitlement.status, 'none'),
    'provider', v_entitlement.provider,
    'limits', jsonb_build_object(
      'ai_interviews', v_plan.ai_interviews, 'seats', v_plan.seats, 'ai_screening', v_plan.ai_screening),
    'usage', jsonb_build_object(
      'ai_interviews', private.used(p_org, 'ai_interview', v_period.period_start),
      'seats', private.seats_taken(p_org),
      'ai_screening', private.used(p_org, 'ai_screening', v_period.period_start)),
    'period_start', v_period.period_start,
    'period_end', v_period.period_end,
    'updated_at', coalesce(v_entitlement.updated_at, now()),
    'can_manage', v_role = 'admin');
end
$$;

create function public.reserve_quota(p_org uuid, p_kind text, p_request uuid, p_amount int default 1)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_plan public.plans;
  v_period record;
  v_limit int;
  v_used int;
  v_existing public.quota_reservations;
  v_id uuid;
begin
  perform private.require_role(p_org, array['admin', 'recruiter']);
  if p_kind is null or p_kind not in ('ai_interview', 'ai_screening') then
    raise exception 'kind must be ai_interview or ai_screening' using errcode = '22023';
  end if;
  if p_request is null or p_amount is null or p_amount not between 1 and 1000 then
    raise exception 'a request id and an amount from 1 to 1000 are needed' using errcode = '22023';
  end if;
  -- One reservation at a time per organisation: the entitlement row is the lock.
  perform 1 from public.billing_entitlements e where e.org_id = p_org for update;

  v_plan := private.effective_plan(p_org);
  v_period := private.current_period(p_org);
  v_limit := case p_kind when 'ai_interview' then v_plan.ai_interviews else v_plan.ai_screening end;
  select * into v_existing from public.quota_reservations r where r.org_id = p_org and r.request_id = p_request;
  if found then
    v_used := private.used(p_org, p_kind, v_existing.period_start);
    return jsonb_build_object('ok', v_existing.released_at is null, 'reservation', v_existing.id,
      'remaining', greatest(v_limit - v_used, 0), 'limit', v_limit,
      'reason', case when v_existing.released_at is not null then 'this reservation was released' end);
  end if;
  v_used := private.used(p_org, p_kind, v_period.period_start);
  if v_used + p_amount > v_limit then
    return jsonb_build_object('ok', false, 'reservation', null, 'remaining', greatest(v_limit - v_used, 0),
      'limit', v_limit,
      'reason', format('This workspace has used its %s %s for %s on the %s plan; an admin can upgrade in Billing.',
        v_limit, case p_kind when 'ai_interview' then 'AI interviews' else 'AI screening runs' end,
        to_char(v_period.period_start at time zone 'utc', 'FMMonth'), v_plan.name));
  end if;
  insert into public.quota_reservations (org_id, kind, request_id, amount, period_start, created_by)
  values (p_org, p_kind, p_request, p_amount, v_period.period_start, (select auth.uid()))
  returning id into v_id;
  return jsonb_build_object('ok', true, 'reservation', v_id, 'remaining', v_limit - v_used - p_amount,
    'limit', v_limit, 'reason', null);
end
$$;

create function public.release_quota(p_reservation uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_org uuid;
begin
  select r.org_id into v_org from public.quota_reservations r where r.id = p_reservation;
  if not found then
    raise exception 'no such reservation' using errcode = 'P0001';
  end if;
  perform private.require_role(v_org, array['admin', 'recruiter']);
  update public.quota_reservations set released_at = now()
  where id = p_reservation and released_at is null;
end
$$;

-- Seats: an invitation needs a free seat (renewing one already open does not), and so does joining
-- (a plan that shrank since the invitation was sent is enforced then: the invitation being accepted
-- is still open, so it counts). The organisation row is locked first, so two admins inviting at once
-- for the last seat cannot both have it.
create function private.check_seats()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_plan public.plans;
  v_taken int;
  v_needed int;
begin
  perform 1 from public.organisations o where o.id = new.org_id for update;
  v_plan := private.effective_plan(new.org_id);
  if tg_table_name = 'organisation_invitations' then
    v_taken := private.seats_taken(new.org_id, new.email);
    v_needed := v_taken + 1;
  else
    v_taken := private.seats_taken(new.org_id);
    v_needed := v_taken;
  end if;
  if v_needed > v_plan.seats then
    raise exception 'This workspace uses % of its % seats on the % plan (members and open invitations); an admin can upgrade in Billing or withdraw an invitation.',
      v_taken, v_plan.seats, v_plan.name using errcode = 'P0001';
  end if;
  return new;
end
$$;
revoke all on function private.check_seats() from public;

create trigger invitations_need_a_seat before insert on public.organisation_invitations
  for each row execute function private.check_seats();
-- The organisation's creator is its first member; every plan has a seat for them.
create trigger members_need_a_seat before insert on public.organisation_members
  for each row execute function private.check_seats();

-- For the Edge Function's checkout and portal, called with the admin's own token.
create function public.billing_checkout_context(p_org uuid)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_entitlement public.billing_entitlements;
begin
  perform private.require_role(p_org, array['admin']);
  select * into v_entitlement from public.billing_entitlements e where e.org_id = p_org;
  return jsonb_build_object(
    'org_id', p_org,
    'org_name', (select o.name from public.organisations o where o.id = p_org),
    'email', (select u.email from auth.users u where u.id = (select auth.uid())),
    'plan', (private.effective_plan(p_org)).id,
    'status', coalesce(v_entitlement.status, 'none'),
    'provider', v_entitlement.provider,
    'customer', v_entitlement.provider_customer,
    'subscription', v_entitlement.provider_subscription);
end
$$;

-- One provider event, recorded and applied in one transaction. A duplicate (the same event id, or a
-- Razorpay payment already applied under another event id) changes nothing; an event older than the
-- last one applied is recorded and not applied; p_plan null records the event only.
create function public.billing_apply_event(
  p_provider text, p_event_id text, p_type text, p_payment_id text, p_org uuid, p_subscription text,
  p_customer text, p_plan text, p_status text, p_period_start timestamptz, p_period_end timestamptz,
  p_occurred_at timestamptz)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_org uuid := p_org;
  v_applied boolean := false;
  v_current public.billing_entitlements;
begin
  if v_org is null and p_subscription is not null then
    select e.org_id into v_org from public.billing_entitlements e
    where e.provider = p_provider and e.provider_subscription = p_subscription;
  end if;
  if v_org is not null then
    select * into v_current from public.billing_entitlements e where e.org_id = v_org for update;
  end if;
  v_applied := v_org is not null and p_plan is not null and p_status is not null
    and (v_current.provider_updated_at is null or p_occurred_at >= v_current.provider_updated_at);

  insert into public.billing_events (provider, event_id, payment_id, type, org_id, applied)
  values (p_provider, p_event_id, p_payment_id, p_type, v_org, v_applied)
  on conflict do nothing;
  if not found then
    return jsonb_build_object('applied', false, 'duplicate', true);
  end if;

  if v_applied then
    update public.billing_entitlements set
      plan = p_plan, status = p_status, provider = p_provider,
      provider_customer = coalesce(p_customer, provider_customer),
      provider_subscription = coalesce(p_subscription, provider_subscription),
      period_start = p_period_start, period_end = p_period_end,
      provider_updated_at = p_occurred_at, updated_at = now()
    where org_id = v_org;
  end if;
  return jsonb_build_object('applied', v_applied, 'duplicate', false);
end
$$;

revoke all on function public.billing_entitlement(uuid), public.reserve_quota(uuid, text, uuid, int),
  public.release_quota(uuid), public.billing_checkout_context(uuid) from public, anon;
grant execute on function public.billing_entitlement(uuid), public.reserve_quota(uuid, text, uuid, int),
  public.release_quota(uuid), public.billing_checkout_context(uuid) to authenticated;
revoke all on function public.billing_apply_event(text, text, text, text, uuid, text, text, text, text,
  timestamptz, timestamptz, timestamptz) from public, anon, authenticated;
grant execute on function public.billing_apply_event(text, text, text, text, uuid, text, text, text, text,
  timestamptz, timestamptz, timestamptz) to service_role;
