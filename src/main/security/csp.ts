/**
 * The Content-Security-Policy of every app page, sent as a header by the web server and the
 * `app://` protocol, and set on Electron's session (ARCHITECTURE.md security must-have 4).
 *
 * No 'unsafe-inline' anywhere: React applies `style` props through the CSSOM, which CSP does not
 * restrict, so the renderer needs no inline style or script. `connect-src 'self'` is what the
 * browser client's fetch and EventSource use.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

/** Headers every response of the app carries, besides the CSP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin'
}
