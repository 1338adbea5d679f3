/** Trusted-URL helpers with tables of tricky URLs (checklist #13/#15: new URL(), not startsWith). */
import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, isAppUrl, isSafeExternalUrl, safeOpenExternal } from '../../../src/main/security/urls'

describe('isAppUrl', () => {
  const table: ReadonlyArray<[string, boolean]> = [
    [APP_ENTRY_URL, true],
    ['app://wc-site-survey/', true],
    ['app://wc-site-survey/assets/index.js?x=1#y', true],
    ['APP://WC-SITE-SURVEY/index.html', false], // exact host only: Chromium reports standard-scheme hosts lower-cased
    ['app://evil/index.html', false],
    ['app://wc-site-survey.evil/index.html', false],
    ['app://evil@wc-site-survey/index.html', false],
    ['app://wc-site-survey:pw@wc-site-survey/', false],
    ['app://wc-site-survey:8080/', false],
    ['app:/wc-site-survey/index.html', false],
    ['app:wc-site-survey/index.html', false],
    ['https://app.evil/index.html', false],
    ['https://wc-site-survey/index.html', false],
    ['http://localhost:5173/', false], // no dev server configured
    ['file:///etc/passwd', false],
    ['file://wc-site-survey/index.html', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['blob:app://wc-site-survey/123', false],
    ['about:blank', false],
    ['', false],
    ['not a url', false],
    ['app://wc-site-survey\\@evil/', false]
  ]
  it.each(table)('%j → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected)
  })

  const dev = 'http://localhost:5173'
  const devTable: ReadonlyArray<[string, boolean]> = [
    ['http://localhost:5173/', true],
    ['http://localhost:5173/index.html', true],
    ['http://localhost:5174/', false],
    ['http://localhost:5173.evil/', false],
    ['http://localhost.evil:5173/', false],
    ['http://evil@localhost:5173/', false],
    ['https://localhost:5173/', false],
    [APP_ENTRY_URL, true]
  ]
  it.each(devTable)('with dev server %j → %s', (url, expected) => {
    expect(isAppUrl(url, dev)).toBe(expected)
  })

  it('a non-http dev server URL trusts nothing extra', () => {
    expect(isAppUrl('file:///x', 'file:///x')).toBe(false)
    expect(isAppUrl('javascript:1', 'javascript:1')).toBe(false)
  })
})

describe('isSafeExternalUrl / safeOpenExternal', () => {
  const table: ReadonlyArray<[string, boolean]> = [
    ['https://www.tesla.com/support', true],
    ['http://example.com', true],
    ['HTTPS://EXAMPLE.COM/', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    [' javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['smb://server/share', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['app://wc-site-survey/index.html', false],
    ['data:text/html,hi', false],
    ['https://user:pass@example.com/', false],
    ['https://user@example.com/', false],
    ['https:example.com', true], // new URL() normalises this to https://example.com/
    ['https://', false],
    ['//example.com', false],
    ['example.com', false],
    ['', false]
  ]
  it.each(table)('%j → %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected)
  })

  it('opens only safe URLs, normalised', async () => {
    const opened: string[] = []
    const open = async (u: string): Promise<void> => {
      opened.push(u)
    }
    expect(await safeOpenExternal('javascript:alert(1)', open)).toBe(false)
    expect(await safeOpenExternal('file:///etc/passwd', open)).toBe(false)
    expect(await safeOpenExternal('HTTPS://Example.com', open)).toBe(true)
    expect(opened).toEqual(['https://example.com/'])
  })
})
