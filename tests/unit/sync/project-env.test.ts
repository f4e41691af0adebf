import { describe, expect, it } from 'vitest'
import { workspaceProjectFromEnv } from '@core/sync/project-env'
import { errorKind } from '@core/sync/supabase-server'

const KEY = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.signature'

describe('the workspace project a host passes to the core', () => {
  it('is absent when unset, so the studio stays local', () => {
    expect(workspaceProjectFromEnv({})).toBeUndefined()
  })

  it('is the URL and anon key when both are set', () => {
    expect(
      workspaceProjectFromEnv({ PANELIST_SUPABASE_URL: 'https://abc.supabase.co', PANELIST_SUPABASE_ANON_KEY: KEY }),
    ).toEqual({ url: 'https://abc.supabase.co', anonKey: KEY })
  })

  it('refuses half a configuration or a URL that is not http(s), naming the variables', () => {
    expect(() => workspaceProjectFromEnv({ PANELIST_SUPABASE_URL: 'https://abc.supabase.co' })).toThrow(
      /PANELIST_SUPABASE_ANON_KEY/,
    )
    expect(() =>
      workspaceProjectFromEnv({ PANELIST_SUPABASE_URL: 'file:///etc/passwd', PANELIST_SUPABASE_ANON_KEY: KEY }),
    ).toThrow(/PANELIST_SUPABASE_URL/)
  })
})

describe('what a failed RPC means for the sync engine', () => {
  it('retries when no answer came or the server failed, waits for sign-in on 401, stops on 403', () => {
    expect(errorKind(0, undefined)).toBe('retryable')
    expect(errorKind(503, 'PGRST002')).toBe('retryable')
    expect(errorKind(429, undefined)).toBe('retryable')
    expect(errorKind(401, '42501')).toBe('signed-out')
    expect(errorKind(403, '42501')).toBe('not-allowed')
    expect(errorKind(400, '22023')).toBe('rejected')
  })
})
