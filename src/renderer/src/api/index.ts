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

/** Browser mode: opens an exported file in a new tab, in the browser's own viewer (PDF, PNG). */
export async function openFromApp(path: string): Promise<void> {
  if (browserClient === null) throw new Error('Opening an export in a tab exists in browser mode only.')
  const link = document.createElement('a')
  link.href = `${await browserClient.ticketed(path)}&inline=1`
  link.target = '_blank'
  // noopener: the new tab gets no handle on this page (which holds the token in its session storage).
  link.rel = 'noopener noreferrer'
  link.click()
}

/** True in an Electron window: its user agent names Electron, or the page is on the app:// scheme. */
export function runsInElectron(userAgent: string, protocol: string): boolean {
  return /\bElectron\//.test(userAgent) || protocol === 'app:'
}

/** The app API: the preload's, or the browser client (installed on first call); throws when neither can exist. */
export function getApi(): Api {
  const existing = window[API_GLOBAL]
  if (existing) return existing
  // In Electron the preload is the only transport: a missing one is a broken install, never a
  // reason to talk HTTP to whatever listens on 127.0.0.1 (main.tsx shows "API not available").
  if (runsInElectron(window.navigator.userAgent, window.location.protocol)) {
    throw new Error('The app API is not available: the preload did not run.')
  }
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
