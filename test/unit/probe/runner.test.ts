/**
 * The runner and the probe handlers: parallel checks, per-check timeout, progress events,
 * cancel, one run at a time — against loopback servers (the real firewall cases are in test/lab).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ProbeProgress } from '../../../src/shared/contract'
import type { ServiceDeps } from '../../../src/main/service-deps'
import type { ContextDeps } from '../../../src/main/probe/context'
import { createProbeHandlers } from '../../../src/main/probe/handlers'
import type { PlannedCheck } from '../../../src/main/probe/plan'
import { runProbe, type ProbeEngineDeps, type RunProgress } from '../../../src/main/probe/runner'
import { dnsReply, httpServer, ntpAnswer, questionName, udpServer, type HttpServer, type UdpServer } from './loopback-servers'

const dir = mkdtempSync(join(tmpdir(), 'wc-runner-'))
const resolvConf = join(dir, 'resolv.conf')
writeFileSync(resolvConf, 'nameserver 127.0.0.1\n')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const fakeContext: ContextDeps = {
  platform: 'linux',
  execFile: async () => 'Connected to 00:11:22:33:44:55 (on wlan0)\n\tSSID: Garage-IoT\n',
  readText: async (p) => {
    if (p === '/proc/net/route') return 'Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\nwlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\n'
    throw new Error('no such file')
  },
  exists: async (p) => p === '/sys/class/net/wlan0/wireless',
  interfaces: () => ({ wlan0: [{ address: '192.168.1.20', netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: false, cidr: null }] })
}

const check = (protocol: PlannedCheck['protocol'], host: string, wildcard: string | null = null): PlannedCheck => ({
  key: `${protocol}:${host}`,
  requirement: protocol === 'dns' ? 'NET-DNS' : protocol === 'ntp' ? 'NET-NTP' : protocol === 'http' ? 'NET-HTTP' : 'NET-TLS',
  host,
  protocol,
  port: { dns: 53, ntp: 123, http: 80, tls: 443 }[protocol],
  wildcard
})

let dns: UdpServer
let ntp: UdpServer
let web: HttpServer
const silentHosts = new Set(['slow.test'])
beforeAll(async () => {
  dns = await udpServer((q) => {
    const name = questionName(q)
    if (silentHosts.has(name)) return null
    if (name === 'gone.test') return dnsReply(q, 3, [])
    // 127.0.0.2, not 127.0.0.1: the probe rightly calls 127.0.0.1 a sinkhole answer.
    return dnsReply(q, 0, ['127.0.0.2'])
  })
  ntp = await udpServer(ntpAnswer(2), '127.0.0.2')
  web = await httpServer(302, { Location: 'http://captive.example/login' }, '', '127.0.0.2')
})
afterAll(async () => {
  await Promise.all([dns.close(), ntp.close(), web.close()])
})

function engine(plan: PlannedCheck[]): ProbeEngineDeps {
  return { context: fakeContext, resolvConfPath: resolvConf, upstreamResolvConfPath: join(dir, 'none'), plan, ports: { dns: dns.port, ntp: ntp.port, http: web.port, tls: 1 } }
}

describe('runProbe', () => {
  it('runs every check, reports progress as each lands, and keeps plan order', async () => {
    const plan = [check('dns', 'a.test', '*.test'), check('ntp', 'a.test'), check('http', 'a.test', '*.test'), check('dns', 'gone.test'), check('http', 'gone.test')]
    const progress: RunProgress[] = []
    const run = await runProbe(engine(plan), { timeoutMs: 1500, targetSsid: 'Chargers', onProgress: (p) => progress.push(p) })
    expect(run.results.map((r) => [r.protocol, r.host, r.outcome, r.kind, r.requirement])).toEqual([
      ['dns', 'a.test', 'pass', null, 'NET-DNS'],
      ['ntp', 'a.test', 'pass', null, 'NET-NTP'],
      ['http', 'a.test', 'fail', 'captive-portal', 'WIFI-PORTAL'],
      ['dns', 'gone.test', 'fail', 'nxdomain', 'NET-DNS'],
      ['http', 'gone.test', 'not-run', null, 'NET-HTTP']
    ])
    expect(run.results[2]?.rule).toContain('captive portal')
    expect(run.results[3]?.rule).toBe('stop DNS filtering of gone.test on 127.0.0.1')
    expect(run.results[0]?.wildcard).toBe('*.test')
    expect(run.results[0]?.detail).toContain('the firewall rule must allow the whole wildcard')
    expect(progress[0]).toEqual({ context: null, result: null, done: 0, total: 5 })
    const withResults = progress.filter((p) => p.result !== null)
    expect(withResults.map((p) => p.done)).toEqual([1, 2, 3, 4, 5])
    const ctx = progress.find((p) => p.context !== null)?.context
    expect(ctx).toMatchObject({ interface: 'wlan0', ssid: 'Garage-IoT', gateway: '192.168.1.1', localIp: '192.168.1.20', wired: false })
    expect(ctx?.warnings.join(' ')).toContain('not the survey\'s network "Chargers"')
    expect(run.cancelled).toBe(false)
  })

  it('bounds a silent server by the per-check timeout; dependent checks are not run', async () => {
    const start = performance.now()
    const run = await runProbe(engine([check('dns', 'slow.test'), check('http', 'slow.test'), check('dns', 'a.test')]), { timeoutMs: 800 })
    const elapsed = performance.now() - start
    expect(run.results.map((r) => [r.outcome, r.kind])).toEqual([
      ['fail', 'timeout'],
      ['not-run', null],
      ['pass', null]
    ])
    expect(run.results[0]?.rule).toBe('allow UDP 53 to 127.0.0.1')
    expect(elapsed).toBeLessThan(800 + 1000)
  })

  it('stops promptly when cancelled: unfinished checks are not-run, the run says cancelled', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 150)
    const start = performance.now()
    const run = await runProbe(engine([check('dns', 'slow.test'), check('ntp', 'slow.test')]), { timeoutMs: 5000, signal: controller.signal })
    expect(performance.now() - start).toBeLessThan(1500)
    expect(run.cancelled).toBe(true)
    expect(run.results.every((r) => r.outcome === 'not-run')).toBe(true)
  })
})

describe('probe handlers', () => {
  const events: ProbeProgress[] = []
  // Cast: the runner reads only platform and emit of ServiceDeps.
  const deps = { platform: 'linux', emit: (name: string, payload: ProbeProgress) => name === 'probe:progress' && events.push(payload) } as unknown as ServiceDeps
  afterEach(() => {
    events.length = 0
  })

  it('runs once at a time (busy), emits progress with the run ID, and cancels by that ID', async () => {
    const { handlers, dispose } = createProbeHandlers(deps, engine([check('dns', 'slow.test')]))
    const first = handlers['probe:run']({ timeoutMs: 5000 })
    const second = await handlers['probe:run']({ timeoutMs: 5000 })
    expect(second).toMatchObject({ ok: false, reason: 'busy' })
    const runId = events[0]?.runId ?? ''
    expect(runId).not.toBe('')
    await handlers['probe:cancel'](runId)
    const outcome = await first
    expect(outcome.ok && outcome.run.cancelled).toBe(true)
    expect(outcome.ok && outcome.run.id).toBe(runId)
    expect(events.every((e) => e.runId === runId)).toBe(true)
    const third = await handlers['probe:run']({ timeoutMs: 1000 })
    expect(third.ok).toBe(true)
    await dispose()
  })
})
