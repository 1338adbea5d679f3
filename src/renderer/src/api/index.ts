/**
 * The renderer's one way to reach main: the contract's `Api`. In Electron the preload has
 * installed it as `window.wcSurvey`; in browser mode the browser client is installed there on
 * first use, so the rest of the renderer never knows which transport it talks to.
 */
import { API_GLOBAL, type Api } from '../../../shared/contract'
import { createBrowserClient, type BrowserExtras } from './browser-client'
import { takeBrowserToken } from './browser-token'

declare global {
  interface Window {
    [API_GLOBAL]?: Api
  }
}

/** Browser mode's client once installed (null in Electron): it also opens download links. */
let browserClient: BrowserExtras | null = null

/**
 * Downloads a file main serves in browser mode (an export's `download` path): a link with a
 * single-use ticket, since a plain link cannot carry the token's header.
 */
export async function downloadFromApp(path: string): Promise<void> {
  if (browserClient === null) throw new Error('Downloads exist in browser mode only.')
  const link = document.createElement('a')
  link.href = await browserClient.ticketed(path)
  link.download = ''
  link.click()
}

/** The app API: the preload's, or the browser client (installed on first call); throws when neither can exist. */
export function getApi(): Api {
  const existing = window[API_GLOBAL]
  if (existing) return existing
  const token = takeBrowserToken({ location: window.location, history: window.history, storage: window.sessionStorage })
  // No preload and no token: this page was not opened from the URL `wc-survey serve` printed.
  if (token === null) throw new Error('No access token: open the URL printed by `wc-survey serve`.')
  const api = createBrowserClient({
    token,
    fetch: (input, init) => window.fetch(input, init),
    createEventSource: (url) => new EventSource(url),
    setTimeout: (fn, ms) => window.setTimeout(fn, ms)
  })
  window[API_GLOBAL] = api
  browserClient = api
  return api
}
