/**
 * The `app://` protocol serving the built renderer (Electron security checklist #18: a custom
 * protocol instead of file://, so the page has a real origin and cannot read other files).
 */
import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { SECURITY_HEADERS } from '../security/csp'
import { contentTypeFor, resolveStaticFile } from '../security/static-files'
import { APP_HOST, APP_SCHEME } from '../security/urls'

/** Declares `app://` privileged; must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/** Serves `rendererDir` on `app://wc-site-survey/`; call once the app is ready. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('Not found', { status: 404 })
    const file = await resolveStaticFile(rendererDir, url.pathname)
    if (file === null) return new Response('Not found', { status: 404 })
    return new Response(await readFile(file), { headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) } })
  })
}
