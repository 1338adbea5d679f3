/**
 * Browser mode's access token, kept where only this app's pages can read it: the tab's session
 * storage (per origin, and an origin includes the port), never a cookie (cookies ignore ports, so
 * every server on 127.0.0.1 would receive one, and a page on another port could overwrite it).
 *
 * `wc-survey serve` prints `http://127.0.0.1:<port>/#token=T`. The fragment is never sent to any
 * server; on first load it is moved into session storage and removed from the address bar and
 * the history entry, so a reload keeps working and the token is not left in the URL.
 */

/** Session-storage key of the token. */
export const TOKEN_STORAGE_KEY = 'wc-survey.token'

/** What the token lookup needs from the page; tests pass fakes. */
export interface TokenPage {
  readonly location: { readonly hash: string; readonly pathname: string; readonly search: string }
  readonly history: { replaceState(data: null, unused: string, url: string): void }
  readonly storage: { getItem(key: string): string | null; setItem(key: string, value: string): void }
}

/** The token from the URL fragment (stored, then removed from the URL) or from session storage; null when neither has one. */
export function takeBrowserToken(page: TokenPage): string | null {
  const fromUrl = new URLSearchParams(page.location.hash.replace(/^#/, '')).get('token')
  if (fromUrl !== null && /^[A-Za-z0-9_-]{16,128}$/.test(fromUrl)) {
    page.storage.setItem(TOKEN_STORAGE_KEY, fromUrl)
    page.history.replaceState(null, '', `${page.location.pathname}${page.location.search}`)
    return fromUrl
  }
  return page.storage.getItem(TOKEN_STORAGE_KEY)
}
