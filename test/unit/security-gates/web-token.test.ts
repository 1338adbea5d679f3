// ARCHITECTURE.md security must-have 3 (web half): browser mode's token is never a cookie, so a
// server on another 127.0.0.1 port never receives it and a page there cannot overwrite it.
// The behaviour itself is tested in test/unit/web/server.test.ts and test/e2e/token-isolation.test.ts.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkNoCookies, readSources } from './source-checks'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const src = readSources(root, 'src')

describe('no cookie in src (must-have 3, browser mode)', () => {
  it('src sets and reads no cookie', () => {
    expect(src.length).toBeGreaterThan(50)
    expect(checkNoCookies(src)).toEqual([])
  })

  it('reports a Set-Cookie header, a document.cookie write and a cookie header read', () => {
    const server = { path: 's.ts', text: "response.writeHead(302, { Location: '/', 'Set-Cookie': `t=${token}` })" }
    const page = { path: 'p.ts', text: '// document.cookie in a comment is fine\ndocument.cookie = `t=${token}`' }
    const reader = { path: 'r.ts', text: 'const given = parse(request.headers.cookie)' }
    expect(checkNoCookies([server, page, reader])).toEqual([
      "s.ts:1: Set-Cookie: browser mode's token travels in a header, never in a port-blind cookie",
      'p.ts:2: document.cookie: no cookie is a credential (cookies ignore ports)',
      'r.ts:1: request.headers.cookie: no cookie is a credential (cookies ignore ports)'
    ])
  })
})
