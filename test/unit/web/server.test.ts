/**
 * The browser-mode server's protocol and its defences: token (query → cookie, bearer), Host
 * check, no CORS, loopback only, request validation, SSE, static files without traversal.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { mkdtempSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Handlers } from '../../../src/shared/contract'
import { startWebServer, TOKEN_COOKIE, type WebServer } from '../../../src/main/web/server'
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
  return { ...host(), Cookie: `${TOKEN_COOKIE}=${server.token}`, ...extra }
}
async function track(p: Promise<Reply>): Promise<Reply> {
  const reply = await p
  replies.push(reply)
  return reply
}

describe('web server', () => {
  it('listens on 127.0.0.1 only, with a 256-bit base64url token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`)
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

  it('the token URL sets an HttpOnly SameSite=Strict cookie and redirects to /', async () => {
    const reply = await track(send(server.port, `/?token=${server.token}`, { headers: host() }))
    expect(reply.status).toBe(302)
    expect(reply.headers.location).toBe('/')
    expect(reply.headers['set-cookie']).toEqual([`${TOKEN_COOKIE}=${server.token}; HttpOnly; SameSite=Strict; Path=/`])
  })

  it.each([
    ['no token', {}],
    ['a wrong cookie', { Cookie: `${TOKEN_COOKIE}=nope` }],
    ['a cookie of the right length but wrong', { Cookie: `${TOKEN_COOKIE}=${'A'.repeat(43)}` }],
    ['a wrong bearer', { Authorization: 'Bearer nope' }],
    ['the token in another cookie', { Cookie: `other=${'x'}` }]
  ])('401 with %s', async (_name, headers) => {
    for (const path of ['/', '/index.html', '/api/events']) {
      expect((await track(send(server.port, path, { headers: { ...host(), ...headers } }))).status).toBe(401)
    }
    const post = await track(send(server.port, '/api/request/app:info', { method: 'POST', headers: { ...host(), ...headers, 'Content-Type': 'application/json' }, body: '{"args":[]}' }))
    expect(post.status).toBe(401)
  })

  it('401 for a wrong token in the URL', async () => {
    expect((await track(send(server.port, '/?token=wrong', { headers: host() }))).status).toBe(401)
  })

  it.each([['evil.example:PORT'], ['127.0.0.1'], ['localhost'], ['127.0.0.1:1'], ['attacker.localhost:PORT'], ['[::1]:PORT']])('403 for Host %s even with the token', async (h) => {
    const reply = await track(send(server.port, '/', { headers: { ...authed(), Host: h.replace('PORT', String(server.port)) } }))
    expect(reply.status).toBe(403)
  })

  it('accepts localhost:<port> and a bearer token', async () => {
    const reply = await track(send(server.port, '/', { headers: { Host: `localhost:${server.port}`, Authorization: `Bearer ${server.token}` } }))
    expect(reply.status).toBe(200)
    expect(reply.body).toContain('<title>app</title>')
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
          if (text.includes(': connected')) server.emit('app:command', { command: 'open-path', path: '/x/a\nb.wcsurvey' })
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
    expect(received).toContain('event: app:command\ndata: {"command":"open-path","path":"/x/a\\nb.wcsurvey"}\n\n')
    expect(events.size).toBeLessThanOrEqual(1)
  })

  it('sent no Access-Control-* header on any response above', () => {
    expect(replies.length).toBeGreaterThan(30)
    for (const reply of replies) {
      expect(Object.keys(reply.headers).filter((h) => h.toLowerCase().startsWith('access-control-'))).toEqual([])
    }
  })
})
