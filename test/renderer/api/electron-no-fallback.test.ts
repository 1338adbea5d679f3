// In Electron the renderer never falls back to HTTP silently (issue 17, item 7): without the
// preload's global, getApi refuses even when the URL carries a browser-mode token, so main.tsx
// shows the "API not available" screen instead of talking to whatever listens on 127.0.0.1.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { getApi, runsInElectron } from '../../../src/renderer/src/api'

describe('runsInElectron', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) wc-site-survey/0.1.0 Chrome/140.0.0.0 Electron/45.4.1 Safari/537.36', 'http:', true],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36', 'app:', true],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36', 'http:', false]
  ])('%s on %s → %s', (ua, protocol, expected) => {
    expect(runsInElectron(ua, protocol)).toBe(expected)
  })
})

describe('getApi in an Electron window without the preload', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    window.history.replaceState(null, '', '/')
  })

  it('throws instead of installing the browser client, even with a token in the URL', () => {
    vi.spyOn(window.navigator, 'userAgent', 'get').mockReturnValue('Mozilla/5.0 Chrome/140.0.0.0 Electron/45.4.1 Safari/537.36')
    window.history.replaceState(null, '', '/#token=abcdefghijklmnopqrstuv')
    const fetch = vi.spyOn(window, 'fetch')
    expect(() => getApi()).toThrow('The app API is not available: the preload did not run.')
    expect(window.wcSurvey).toBeUndefined()
    expect(fetch).not.toHaveBeenCalled()
  })
})
