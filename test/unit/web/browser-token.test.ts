/** Browser mode's token: from the URL fragment into session storage, then out of the URL. */
import { describe, expect, it } from 'vitest'
import { takeBrowserToken, TOKEN_STORAGE_KEY, type TokenPage } from '../../../src/renderer/src/api/browser-token'

function page(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored === null ? [] : [[TOKEN_STORAGE_KEY, stored]])
  const replaced: string[] = []
  const fake: TokenPage = {
    location: { hash, pathname: '/', search: '' },
    history: { replaceState: (_data, _unused, url) => void replaced.push(String(url)) },
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) }
  }
  return { fake, storage, replaced }
}

const TOKEN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456'

describe('takeBrowserToken', () => {
  it('moves the token from the fragment into session storage and removes it from the URL', () => {
    const p = page(`#token=${TOKEN}`)
    expect(takeBrowserToken(p.fake)).toBe(TOKEN)
    expect(p.storage.get(TOKEN_STORAGE_KEY)).toBe(TOKEN)
    expect(p.replaced).toEqual(['/'])
  })

  it('after a reload (no fragment) reads it back from session storage', () => {
    const p = page('', TOKEN)
    expect(takeBrowserToken(p.fake)).toBe(TOKEN)
    expect(p.replaced).toEqual([])
  })

  it('is null without either, and ignores a fragment that is not a token', () => {
    expect(takeBrowserToken(page('').fake)).toBeNull()
    const odd = page('#token=<script>', null)
    expect(takeBrowserToken(odd.fake)).toBeNull()
    expect(odd.storage.size).toBe(0)
  })
})
