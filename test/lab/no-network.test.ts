/**
 * "Run firewall check" with no network at all (issue 17, item 1): the technician's likely first
 * click, before the laptop has joined the chargers' Wi-Fi. In a namespace with loopback only and
 * in one with an address but no default route, the probe must end with a clear result (every
 * check unreachable, the context saying why) and the browser-mode server must keep answering.
 *
 * Before the fix, the UDP connect error (ENETUNREACH) was passed to an ignored callback, and the
 * send on the unconnected socket threw ERR_SOCKET_BAD_PORT outside any handler: the process died.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProbeRun } from '../../src/shared/model/probe'
import { skipFor } from '../support/requires'
import { labUnavailable, leftoverNamespaces } from './lab-network'

const cli = resolve(import.meta.dirname, '../../bin/wc-survey.js')
const skip = skipFor('lab', labUnavailable())
const prefix = `wcnonet-${process.pid}`
/** TEST-NET-1 (RFC 5737): never routed; the namespaces' resolv.conf points there. */
const RESOLVER = '192.0.2.53'

function sh(args: string[]): void {
  // Cast: every caller passes a command name first.
  const run = spawnSync(args[0] as string, args.slice(1), { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`${args.join(' ')}: ${run.stderr}`)
}

function inNs(ns: string, args: string[]): string[] {
  return ['ip', 'netns', 'exec', ns, ...args]
}

/** Runs a command in `ns` to its end; resolves with its exit code and output. */
function runIn(ns: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('ip', ['netns', 'exec', ns, ...args], { env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

const namespaces = {
  loopbackOnly: `${prefix}-lo`,
  noDefaultRoute: `${prefix}-nr`
} as const
const peer = `${prefix}-peer`

describe.skipIf(skip)('no network at all: the firewall check ends clearly and the app keeps running', () => {
  let dataDir = ''

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'wc-nonet-'))
    for (const ns of [...Object.values(namespaces), peer]) {
      sh(['ip', 'netns', 'add', ns])
      sh(inNs(ns, ['ip', 'link', 'set', 'lo', 'up']))
      mkdirSync(`/etc/netns/${ns}`, { recursive: true })
      writeFileSync(`/etc/netns/${ns}/resolv.conf`, `nameserver ${RESOLVER}\n`)
    }
    // No default route: an address on a link to a peer that routes nothing.
    sh(['ip', 'link', 'add', 'nr0', 'netns', namespaces.noDefaultRoute, 'type', 'veth', 'peer', 'name', 'nr1', 'netns', peer])
    sh(inNs(namespaces.noDefaultRoute, ['ip', 'addr', 'add', '10.233.0.2/24', 'dev', 'nr0']))
    sh(inNs(namespaces.noDefaultRoute, ['ip', 'link', 'set', 'nr0', 'up']))
    sh(inNs(peer, ['ip', 'addr', 'add', '10.233.0.1/24', 'dev', 'nr1']))
    sh(inNs(peer, ['ip', 'link', 'set', 'nr1', 'up']))
  })

  afterAll(() => {
    for (const ns of [...Object.values(namespaces), peer]) {
      spawnSync('ip', ['netns', 'del', ns])
      rmSync(`/etc/netns/${ns}`, { recursive: true, force: true })
    }
    rmSync(dataDir, { recursive: true, force: true })
    expect(leftoverNamespaces(prefix)).toEqual([])
  })

  const cases = [
    { name: 'loopback only', ns: namespaces.loopbackOnly, warning: /offline, so nothing can be reached/ },
    { name: 'no default route', ns: namespaces.noDefaultRoute, warning: /No default route on nr0/ }
  ]

  it.each(cases)('CLI probe, $name: a result for every check, all failing as unreachable, and why', async ({ ns, warning }) => {
    const child = await runIn(ns, ['node', cli, 'probe', '--json', '--timeout-ms', '2000'])
    expect(child.stderr).not.toMatch(/ERR_SOCKET_BAD_PORT|node:internal|RangeError/)
    expect(child.code).toBe(1)
    // Cast: our own probe CLI printing --json (src/cli/commands/probe.ts).
    const run = JSON.parse(child.stdout) as ProbeRun
    expect(run.results.length).toBeGreaterThan(0)
    expect(run.results.filter((r) => r.outcome === 'pass')).toEqual([])
    const dns = run.results.filter((r) => r.protocol === 'dns')
    expect(dns.length).toBeGreaterThan(0)
    for (const r of dns) expect({ host: r.host, kind: r.kind }).toEqual({ host: r.host, kind: 'unreachable' })
    for (const r of dns) expect(r.detail).toContain('ENETUNREACH')
    expect(run.context?.warnings.join('\n')).toMatch(warning)
  })

  it.each(cases)('browser mode, $name: probe:run answers with the result and the server keeps answering', async ({ ns }) => {
    const server = spawn('ip', ['netns', 'exec', ns, 'node', cli, 'serve', '--port', '0'], { env: { ...process.env, WC_SURVEY_DATA_DIR: dataDir } })
    let out = ''
    let err = ''
    server.stderr.on('data', (d: Buffer) => (err += d.toString()))
    const exited = new Promise<number | null>((done) => server.on('exit', (code) => done(code)))
    try {
      const url = await new Promise<URL>((found, failed) => {
        server.stdout.on('data', (d: Buffer) => {
          out += d.toString()
          const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out)
          if (m?.[1]) found(new URL(m[1]))
        })
        void exited.then((code) => failed(new Error(`serve exited (${code}): ${err}`)))
      })
      const token = url.hash.replace('#token=', '')
      const call = (name: string, args: unknown[]) =>
        runIn(ns, ['curl', '-sS', '--max-time', '60', '-H', `Authorization: Bearer ${token}`, '-H', 'Content-Type: application/json', '--data', JSON.stringify({ args }), `${url.origin}/api/request/${name}`])
      const probed = await call('probe:run', [{ timeoutMs: 2000 }])
      // Cast: the web API answers { value } (src/main/web/server.ts); value is a ProbeRunOutcome.
      const outcome = (JSON.parse(probed.stdout) as { value: { ok: true; run: ProbeRun } }).value
      expect(outcome.ok).toBe(true)
      expect(outcome.run.results.filter((r) => r.protocol === 'dns').map((r) => r.kind)).not.toContain('timeout')
      expect(outcome.run.results.filter((r) => r.outcome === 'pass')).toEqual([])
      // The process is still the app: it answers the next request.
      const info = await call('app:info', [])
      expect(info.stdout).toContain('"mode":"browser"')
      expect(server.exitCode).toBeNull()
      expect(err).not.toMatch(/ERR_SOCKET_BAD_PORT/)
    } finally {
      server.kill('SIGTERM')
      await exited
    }
  })
})
