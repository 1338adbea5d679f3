/**
 * The browser-mode server's protocol and its defences: token (bearer header only, never a
 * cookie), single-use tickets for the event stream, Host check, no CORS, loopback only, request
 * validation, SSE, static files without traversal.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { mkdtempSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Handlers } from '../../../src/shared/contract'
import { startWebServer, type WebServer } from '../../../src/main/web/server'
import { createEventStream } from '../../../src/main/web/event-stream'

interface Reply {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: string
}

/** A raw HTTP request (fetch would not let us forge the Host header). */
function send(port: number, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

let root: string
let server: WebServer
const calls: unknown[][] = []
const events = createEventStream()
const replies: Reply[] = []

// Only the handlers these tests call; the rest would be a bug to reach.
const handlers = {
  'app:info': async () => ({ version: '1', mode: 'browser', platform: 'linux', surveysFolder: '/s', scanner: 'x', nativeDialogs: false }),
  'scan:stop': async (...args: unknown[]) => {
    calls.push(args)
    return { ok: true }
  },
  'survey:recent': async () => {
    throw new Error('disk on fire')
  }
} as unknown as Handlers // a partial table is enough: the server looks handlers up by validated name

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'wc-web-'))
  const renderer = join(root, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>app</title>')
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(root, 'secret.txt'), 'top secret')
  symlinkSync(join(root, 'secret.txt'), join(renderer, 'link.txt'))
  server = await startWebServer({ handlers, rendererDir: renderer, events })
})
afterAll(async () => {
  await server.close()
  rmSync(root, { recursive: true, force: true })
})

function host(): Record<string, string> {
  return { Host: `127.0.0.1:${server.port}` }
}
function authed(extra: Record<string, string> = {}): Record<string, string> {
  return { ...host(), Authorization: `Bearer ${server.token}`, ...extra }
}
async function track(p: Promise<Reply>): Promise<Reply> {
  const reply = await p
  replies.push(reply)
  return reply
}

describe('web server', () => {
  it('listens on 127.0.0.1 only, with a 256-bit base64url token', () => {
    // In the fragment: a browser never sends it to any server.
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`)
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('refuses connections on other addresses of this machine', async () => {
    // ::1 is loopback too, but the server must bind 127.0.0.1 only.
    await expect(
      new Promise((resolve, reject) => {
        const req = httpRequest({ host: '::1', port: server.port, path: '/' }, resolve)
        req.on('error', reject)
        req.end()
      })
    ).rejects.toMatchObject({ code: expect.stringMatching(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH/) })
  })

  it('serves the app shell without the token and never sets a cookie', async () => {
    for (const path of ['/', '/index.html', `/?token=${server.token}`]) {
      const reply = await track(send(server.port, path, { headers: host() }))
      expect(reply.status).toBe(200)
      expect(reply.body).toContain('<title>app</title>')
      expect(reply.headers['set-cookie']).toBeUndefined()
    }
  })

  const apiCalls: ReadonlyArray<readonly [string, string, string | undefined]> = [
    ['GET', '/api/events', undefined],
    ['POST', '/api/request/app:info', '{"args":[]}'],
    ['POST', '/api/ticket', '{"for":"/api/events"}'],
    ['GET', '/api/nope', undefined]
  ]
  it.each([
    ['no token', {}],
    // Cookies ignore ports: a cookie is no credential, even one holding the right token.
    ['the token in a cookie', { Cookie: `wc_token=TOKEN` }],
    ['a wrong bearer', { Authorization: 'Bearer nope' }],
    ['a bearer of the right length but wrong', { Authorization: `Bearer ${'A'.repeat(43)}` }],
    ['the token without "Bearer"', { Authorization: 'TOKEN' }]
  ])('401 on the API with %s', async (_name, headers) => {
    const withToken = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('TOKEN', server.token)]))
    for (const [method, path, body] of apiCalls) {
      const reply = await track(send(server.port, path, { method, headers: { ...host(), ...withToken, 'Content-Type': 'application/json' }, body }))
      expect(reply.status, `${method} ${path}`).toBe(401)
    }
  })

  it('a ticket opens the event stream once, only that path, only when issued to the token', async () => {
    const issue = async (body: string): Promise<Reply> =>
      track(send(server.port, '/api/ticket', { method: 'POST', headers: authed({ 'Content-Type': 'application/json' }), body }))
    const issued = await issue('{"for":"/api/events"}')
    expect(issued.status).toBe(200)
    // Cast: the ticket response body; its shape is asserted next.
    const ticket = (JSON.parse(issued.body) as { ticket: string }).ticket
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{22}$/)
    // Not for requests: a ticket in a URL never stands in for the header there.
    expect((await track(send(server.port, `/api/request/app:info?ticket=${ticket}`, { method: 'POST', headers: { ...host(), 'Content-Type': 'application/json' }, body: '{"args":[]}' }))).status).toBe(401)
    const stream = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: `/api/events?ticket=${ticket}`, headers: host() }, (res) => {
        resolve(res.statusCode ?? 0)
        req.destroy()
      })
      req.on('error', reject)
      req.end()
    })
    expect(stream).toBe(200)
    // Spent: the same ticket again is refused.
    expect((await track(send(server.port, `/api/events?ticket=${ticket}`, { headers: host() }))).status).toBe(401)
    expect((await track(send(server.port, `/api/events?ticket=${'A'.repeat(22)}`, { headers: host() }))).status).toBe(401)
    expect((await issue('{"for":"/api/request/app:info"}')).status).toBe(400)
    expect((await issue('{"for":"/etc/passwd"}')).status).toBe(400)
    expect((await issue('{}')).status).toBe(400)
  })

  it('a malformed percent-escape in a request name is a 400, not a 500', async () => {
    const reply = await track(send(server.port, '/api/request/%E0%A4%A', { method: 'POST', headers: authed({ 'Content-Type': 'application/json' }), body: '{"args":[]}' }))
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body)).toEqual({ error: 'malformed request name (bad percent-escape)' })
  })

  it.each([['evil.example:PORT'], ['127.0.0.1'], ['localhost'], ['127.0.0.1:1'], ['attacker.localhost:PORT'], ['[::1]:PORT']])('403 for Host %s even with the token', async (h) => {
    const reply = await track(send(server.port, '/', { headers: { ...authed(), Host: h.replace('PORT', String(server.port)) } }))
    expect(reply.status).toBe(403)
  })

  it('accepts localhost:<port> with the bearer token', async () => {
    const reply = await track(
      send(server.port, '/api/request/app:info', { method: 'POST', headers: { Host: `localhost:${server.port}`, Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' }, body: '{"args":[]}' })
    )
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ value: { mode: 'browser' } })
  })

  it('serves static files with the security headers', async () => {
    const reply = await track(send(server.port, '/assets/app.js', { headers: authed() }))
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(reply.headers['content-security-policy']).toMatch(/default-src 'self'; script-src 'self'.*object-src 'none'; base-uri 'none'/)
    expect(reply.headers['content-security-policy']).not.toContain('unsafe')
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect(reply.headers['referrer-policy']).toBe('no-referrer')
    expect(reply.headers['cache-control']).toBe('no-store')
  })

  it.each([['/../secret.txt'], ['/%2e%2e/secret.txt'], ['/assets/..%2f..%2fsecret.txt'], ['/..%5csecret.txt'], ['/link.txt'], ['/%00'], ['/%E0%A4%A'], ['/assets']])('refuses %s', async (path) => {
    const reply = await track(send(server.port, path, { headers: authed() }))
    expect(reply.status).toBe(404)
    expect(reply.body).not.toContain('top secret')
  })

  it('OPTIONS is 405 (no CORS preflight support)', async () => {
    const reply = await track(send(server.port, '/api/request/app:info', { method: 'OPTIONS', headers: { ...authed(), Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } }))
    expect(reply.status).toBe(405)
  })

  it('answers a valid request with its value and passes parsed arguments', async () => {
    const reply = await track(send(server.port, '/api/request/scan:stop', { method: 'POST', headers: authed({ 'Content-Type': 'application/json' }), body: '{"args":["s-1"]}' }))
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ value: { ok: true } })
    expect(calls).toEqual([['s-1']])
  })

  it.each([
    ['unknown name', '/api/request/nope', '{"args":[]}', 404],
    ['prototype name', '/api/request/constructor', '{"args":[]}', 404],
    ['missing argument', '/api/request/scan:stop', '{"args":[]}', 400],
    ['wrong type', '/api/request/scan:stop', '{"args":[42]}', 400],
    ['extra argument', '/api/request/scan:stop', '{"args":["a","b"]}', 400],
    ['args not an array', '/api/request/scan:stop', '{"args":"a"}', 400],
    ['no args', '/api/request/scan:stop', '{}', 400],
    ['not JSON', '/api/request/scan:stop', '{args', 400]
  ])('%s → %s', async (_name, path, body, status) => {
    const reply = await track(send(server.port, path, { method: 'POST', headers: authed({ 'Content-Type': 'application/json' }), body }))
    expect(reply.status).toBe(status)
    expect(JSON.parse(reply.body)).toMatchObject({ error: expect.any(String) })
    if (status === 400 && body.startsWith('{"args"')) expect(JSON.parse(reply.body).error).toMatch(/^invalid arguments: /)
  })

  it('refuses non-JSON content types and GET on requests', async () => {
    expect((await track(send(server.port, '/api/request/app:info', { method: 'POST', headers: authed({ 'Content-Type': 'text/plain' }), body: '{"args":[]}' }))).status).toBe(415)
    expect((await track(send(server.port, '/api/request/app:info', { headers: authed() }))).status).toBe(405)
  })

  it('a handler that throws is a 500 with its message', async () => {
    const reply = await track(send(server.port, '/api/request/survey:recent', { method: 'POST', headers: authed({ 'Content-Type': 'application/json' }), body: '{"args":[]}' }))
    expect(reply.status).toBe(500)
    expect(JSON.parse(reply.body)).toEqual({ error: 'disk on fire' })
  })

  it('delivers an emitted event to a connected SSE client', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: authed() }, (res) => {
        expect(res.statusCode).toBe(200)
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/)
        expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
        let text = ''
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8')
          if (text.includes(': connected')) server.emit('app:command', { command: 'open-handle', handle: 'a\nb' })
          const at = text.indexOf('event: ')
          if (at >= 0 && text.includes('\n\n', at)) {
            req.destroy()
            resolve(text)
          }
        })
      })
      req.on('error', reject)
      req.end()
    })
    expect(received).toContain('event: app:command\ndata: {"command":"open-handle","handle":"a\\nb"}\n\n')
    expect(events.size).toBeLessThanOrEqual(1)
  })

  it('sent no Access-Control-* header on any response above', () => {
    expect(replies.length).toBeGreaterThan(30)
    for (const reply of replies) {
      expect(Object.keys(reply.headers).filter((h) => h.toLowerCase().startsWith('access-control-'))).toEqual([])
    }
  })
})
