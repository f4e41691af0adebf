-- billing_apply_event, same arguments and answers, with two orderings the first version missed.
--
-- 1. Ties. Stripe's `event.created` counts whole seconds, and a checkout emits
--    customer.subscription.created and …updated within the same second; arriving in the other
--    order, the older `created` passed the `>=` test and moved the plan back. Events of one second
--    are now ordered by where their type sits in a subscription's life (created < changed < ended).
-- 2. A subscription that is no longer the one on file. An admin who subscribes again (another plan,
--    the other provider, or before a cancel-at-period-end runs out) leaves the old subscription to
--    end later; its `deleted`/`cancelled` event is newer than everything and used to put the
--    workspace on Free while the new subscription was live. The end (or lapse) of a subscription
--    other than the one on file is now recorded and not applied while the one on file is live.

alter table public.billing_entitlements add column provider_updated_rank int not null default 0;

-- Where an event type sits in a subscription's life, for events of the same second.
create function private.billing_event_rank(p_type text)
returns int
language sql immutable set search_path = ''
as $$
  select case
    when p_type in ('customer.subscription.created', 'checkout.session.completed',
                    'subscription.authenticated') then 0
    when p_type in ('customer.subscription.deleted', 'subscription.cancelled', 'subscription.completed',
                    'subscription.halted') then 2
    else 1
  end
$$;
revoke all on function private.billing_event_rank(text) from public;

create or replace function public.billing_apply_event(
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
  v_rank int := private.billing_event_rank(p_type);
begin
  if v_org is null and p_subscription is not null then
    select e.org_id into v_org from public.billing_entitlements e
    where e.provider = p_provider and e.provider_subscription = p_subscription;
  end if;
  if v_org is not null then
    select * into v_current from public.billing_entitlements e where e.org_id = v_org for update;
  end if;
  v_applied := v_org is not null and p_plan is not null and p_status is not null
    and (v_current.provider_updated_at is null
         or (p_occurred_at, v_rank) >= (v_current.provider_updated_at, v_current.provider_updated_rank))
    and not (
      p_status not in ('active', 'trialing', 'past_due')
      and v_current.status in ('active', 'trialing', 'past_due')
      and v_current.provider_subscription is not null
      and (p_provider, p_subscription) is distinct from (v_current.provider, v_current.provider_subscription));

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
      provider_updated_at = p_occurred_at, provider_updated_rank = v_rank, updated_at = now()
    where org_id = v_org;
  end if;
  return jsonb_build_object('applied', v_applied, 'duplicate', false);
end
$$;
