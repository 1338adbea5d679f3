/**
 * Which URLs are the app and which may leave it: pure, table-tested helpers (Electron security
 * checklist #13 and #15: parse with `new URL()`, never trust `startsWith`).
 */

/** The privileged scheme serving the built renderer (checklist #18: a custom protocol, not file://). */
export const APP_SCHEME = 'app'
/** The one host of that scheme. */
export const APP_HOST = 'wc-site-survey'
/** The renderer's entry page. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True when `url` is a page of the app: `app://wc-site-survey/…`, or in development the
 * electron-vite dev server's exact origin (`devServerUrl`). Userinfo is never accepted.
 */
export function isAppUrl(url: string, devServerUrl: string | null = null): boolean {
  const parsed = parse(url)
  if (!parsed || parsed.username !== '' || parsed.password !== '') return false
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true
  if (devServerUrl === null) return false
  const dev = parse(devServerUrl)
  return dev !== null && (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.origin === dev.origin
}

/** True when `url` may be handed to the OS browser: http(s) with a host, no userinfo. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url)
  return (
    parsed !== null &&
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  )
}

/**
 * The one way to open a link outside the app (must-have 6): http(s) only, everything else is
 * dropped. Returns whether the URL was opened.
 */
export async function safeOpenExternal(url: string, open: (url: string) => Promise<void>): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false
  await open(new URL(url).href)
  return true
}
