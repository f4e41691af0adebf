import { describe, expect, it } from 'vitest'
import { mayOpenExternally } from '@main/platform/external-links'

describe('links opened in the system browser', () => {
  it('lets the recruiter open https links to the listed hosts', () => {
    expect(mayOpenExternally('https://platform.openai.com/api-keys', 'recruiter')).toBe(true)
    expect(mayOpenExternally('https://CONSOLE.deepgram.com/', 'recruiter')).toBe(true)
  })

  it('never opens anything from the kiosk', () => {
    expect(mayOpenExternally('https://platform.openai.com/api-keys', 'kiosk')).toBe(false)
  })

  it('refuses other schemes, look-alike hosts, credentials and odd ports', () => {
    for (const url of [
      'http://platform.openai.com/',
      'https://platform.openai.com.evil.example/',
      'https://evil.example/platform.openai.com',
      'https://user:pass@platform.openai.com/',
      'https://platform.openai.com:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'panelist://app/index.html',
      'not a url',
    ]) {
      expect(mayOpenExternally(url, 'recruiter'), url).toBe(false)
    }
  })
})
