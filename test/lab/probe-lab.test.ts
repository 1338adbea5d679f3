/**
 * The probe against a real firewall (NET-DNS, NET-NTP, NET-HTTP, NET-TLS, NET-DOMAINS,
 * WIFI-PORTAL): the engine runs inside the lab's client namespace with the real default plan,
 * the names answered by the lab's dnsmasq, and each scenario's nftables rules on the router.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProbeResult, ProbeRun } from '../../src/shared/model/probe'
import { buildPlan } from '../../src/main/probe/plan'
import { skipFor } from '../support/requires'
import { Lab, LAB, labUnavailable, leftoverNamespaces, SLOW_DELAY_MS, type Scenario } from './lab-network'

/** Short, to keep the lab quick; enough headroom for the slow relay on a busy CI machine. */
const TIMEOUT_MS = 2000
const cli = resolve(import.meta.dirname, '../../bin/wc-survey.js')
const built = existsSync(resolve(import.meta.dirname, '../../out/main/cli.js'))
const skipLab = skipFor('lab', labUnavailable())
const skipCli = skipLab || skipFor('lab', built ? null : 'out/main/cli.js is missing: run `npm run build` before the lab tier to test the real CLI')

const plan = buildPlan()
const NTP = plan.filter((c) => c.protocol === 'ntp').map((c) => c.host)
const NXDOMAIN_HOST = 'hermes-prd.sn.tesla.services'

describe.skipIf(skipLab)('probe lab (real dnsmasq, chronyd, nginx behind nftables)', () => {
  let lab: Lab | null = null

  beforeAll(async () => {
    lab = await Lab.start()
  })

  afterAll(async () => {
    const prefix = lab?.prefix ?? 'wclab-none'
    const client = lab?.ns.client ?? 'none'
    await lab?.close()
    expect(leftoverNamespaces(prefix)).toEqual([])
    expect(existsSync(`/etc/netns/${client}`)).toBe(false)
  })

  async function probe(scenario: Scenario, options: { nxdomain?: string; timeoutMs?: number } = {}): Promise<ProbeRun> {
    if (!lab) throw new Error('lab not started')
    await lab.setScenario(scenario, options)
    const child = await lab.probe(['--timeout-ms', String(options.timeoutMs ?? TIMEOUT_MS)])
    expect(child.code, child.stderr).toBe(0)
    // Cast: the child is our own probe CLI printing --json (src/cli/commands/probe.ts).
    return JSON.parse(child.stdout) as ProbeRun
  }

  const of = (run: ProbeRun, protocol: ProbeResult['protocol']) => run.results.filter((r) => r.protocol === protocol)
  const summary = (results: readonly ProbeResult[]) => results.map((r) => `${r.protocol} ${r.host}: ${r.outcome}/${r.kind ?? '-'}`)

  it('all open: every check of the real plan passes, with the lab context', async () => {
    const run = await probe('open')
    expect(run.results).toHaveLength(plan.length)
    expect(summary(run.results.filter((r) => r.outcome !== 'pass'))).toEqual([])
    expect(run.context.gateway).toBe(LAB.routerInside)
    expect(run.context.localIp).toBe(LAB.client)
    expect(run.context.dnsServers).toEqual([LAB.dns])
    const ntp = of(run, 'ntp')
    expect(ntp.map((r) => r.host).sort()).toEqual([...NTP].sort())
    for (const r of ntp) expect(r.detail).toMatch(/stratum 8, offset [+−]\d/)
    for (const r of of(run, 'tls')) expect(r.detail).toContain('chain valid')
    const wildcard = run.results.filter((r) => r.wildcard === '*.sn.tesla.services')
    expect(wildcard.length).toBeGreaterThan(0)
    for (const r of wildcard) expect(r.detail).toContain('the firewall rule must allow the whole wildcard')
    for (const r of run.results) expect(r.rule).toBe('')
  })

  it('UDP 123 dropped: NTP times out, everything else passes', async () => {
    const run = await probe('ntp-dropped')
    for (const r of of(run, 'ntp')) {
      expect([r.outcome, r.kind, r.requirement]).toEqual(['fail', 'timeout', 'NET-NTP'])
      expect(r.rule).toBe(`allow UDP 123 to ${r.host}`)
    }
    expect(summary(run.results.filter((r) => r.protocol !== 'ntp' && r.outcome !== 'pass'))).toEqual([])
  })

  it('UDP 123 rejected: NTP is refused (ICMP port unreachable), not timed out', async () => {
    const run = await probe('ntp-rejected')
    for (const r of of(run, 'ntp')) expect([r.outcome, r.kind]).toEqual(['fail', 'refused'])
    expect(summary(run.results.filter((r) => r.protocol !== 'ntp' && r.outcome !== 'pass'))).toEqual([])
  })

  it('DNS dropped: every DNS check times out and the rest cannot run', async () => {
    const run = await probe('dns-dropped')
    for (const r of of(run, 'dns')) {
      expect([r.outcome, r.kind, r.requirement]).toEqual(['fail', 'timeout', 'NET-DNS'])
      expect(r.rule).toBe(`allow UDP 53 to ${LAB.dns}`)
    }
    for (const r of run.results.filter((x) => x.protocol !== 'dns')) {
      expect(r.outcome).toBe('not-run')
      expect(r.detail).toContain('did not resolve')
    }
  })

  it('DNS rejected: every DNS check is refused', async () => {
    const run = await probe('dns-rejected')
    for (const r of of(run, 'dns')) expect([r.outcome, r.kind]).toEqual(['fail', 'refused'])
    for (const r of run.results.filter((x) => x.protocol !== 'dns')) expect(r.outcome).toBe('not-run')
  })

  it('one name NXDOMAIN: that host fails with nxdomain, its HTTP/TLS cannot run, the rest pass', async () => {
    const run = await probe('open', { nxdomain: NXDOMAIN_HOST })
    const mine = run.results.filter((r) => r.host === NXDOMAIN_HOST)
    expect(mine.map((r) => [r.protocol, r.outcome, r.kind])).toEqual([
      ['dns', 'fail', 'nxdomain'],
      ['http', 'not-run', null],
      ['tls', 'not-run', null]
    ])
    expect(mine[0]?.rule).toContain('stop DNS filtering of *.sn.tesla.services')
    expect(summary(run.results.filter((r) => r.host !== NXDOMAIN_HOST && r.outcome !== 'pass'))).toEqual([])
  })

  it('TCP 443 reset: TLS is refused, HTTP still passes', async () => {
    const run = await probe('tls-reset')
    for (const r of of(run, 'tls')) expect([r.outcome, r.kind]).toEqual(['fail', 'refused'])
    expect(summary(run.results.filter((r) => r.protocol !== 'tls' && r.outcome !== 'pass'))).toEqual([])
  })

  it('TCP 80 dropped: HTTP times out, TLS still passes', async () => {
    const run = await probe('http-dropped')
    for (const r of of(run, 'http')) {
      expect([r.outcome, r.kind]).toEqual(['fail', 'timeout'])
      expect(r.rule).toMatch(/^allow TCP 80 to /)
    }
    expect(summary(run.results.filter((r) => r.protocol !== 'http' && r.outcome !== 'pass'))).toEqual([])
  })

  it('TCP 80 rejected as administratively prohibited: HTTP is unreachable', async () => {
    const run = await probe('http-prohibited')
    for (const r of of(run, 'http')) expect([r.outcome, r.kind]).toEqual(['fail', 'unreachable'])
    expect(summary(run.results.filter((r) => r.protocol !== 'http' && r.outcome !== 'pass'))).toEqual([])
  })

  it('HTTP redirected to a portal: captive-portal under WIFI-PORTAL', async () => {
    const run = await probe('portal')
    for (const r of of(run, 'http')) {
      expect([r.outcome, r.kind, r.requirement]).toEqual(['fail', 'captive-portal', 'WIFI-PORTAL'])
      expect(r.detail).toContain('portal.wclab.test')
    }
    expect(summary(run.results.filter((r) => r.protocol !== 'http' && r.outcome !== 'pass'))).toEqual([])
  })

  it('TLS intercepted by an untrusted CA: untrusted-certificate with the issuer and fingerprint', async () => {
    const run = await probe('intercepted')
    for (const r of of(run, 'tls')) {
      expect([r.outcome, r.kind, r.requirement]).toEqual(['fail', 'untrusted-certificate', 'NET-TLS'])
      expect(r.detail).toContain('TLS inspection suspected')
      expect(r.detail).toContain('Corporate Firewall Inspection CA')
      expect(r.detail).toMatch(/SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}/)
      expect(r.rule).toMatch(/^exempt .* from TLS inspection/)
    }
    expect(summary(run.results.filter((r) => r.protocol !== 'tls' && r.outcome !== 'pass'))).toEqual([])
  })

  it('a slow server answering within the timeout: every check passes with the delay in its latency', async () => {
    // A longer timeout here: the point is "slow but within the timeout", and a loaded CI machine
    // adds its own delay on top of the relay's.
    const timeoutMs = 3000
    const run = await probe('slow', { timeoutMs })
    // Every check passes, and took at least the relay's delay (a faster one did not go through it).
    const off = run.results.filter((r) => r.outcome !== 'pass' || (r.latencyMs ?? 0) < SLOW_DELAY_MS - 5 || (r.latencyMs ?? Infinity) >= timeoutMs)
    expect(off.map((r) => `${r.protocol} ${r.host}: ${r.outcome}/${r.kind ?? '-'} ${r.latencyMs ?? '-'} ms ${r.detail.slice(0, 200)}`)).toEqual([])
  })

  it.skipIf(skipCli)('`wc-survey probe --json` inside the lab: exact JSON keys, exit 0 when open, 1 when blocked', async () => {
    if (!lab) throw new Error('lab not started')
    await lab.setScenario('open')
    const open = await lab.client([process.execPath, cli, 'probe', '--json', '--timeout-ms', String(TIMEOUT_MS)])
    expect(open.code, open.stderr).toBe(0)
    // Cast: the child is our own probe CLI printing --json; only these fields are read.
    const report = JSON.parse(open.stdout) as { context: unknown; results: Record<string, unknown>[]; rules: unknown[] }
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['context', 'results']))
    expect(report.results).toHaveLength(plan.length)
    for (const r of report.results) {
      expect(Object.keys(r).sort()).toEqual(['detail', 'host', 'kind', 'latencyMs', 'outcome', 'port', 'protocol', 'requirement'])
      expect(r.outcome).toBe('pass')
    }
    await lab.setScenario('ntp-rejected')
    const blocked = await lab.client([process.execPath, cli, 'probe', '--json', '--timeout-ms', String(TIMEOUT_MS)])
    expect(blocked.code).toBe(1)
    // Cast: same CLI output shape as `report` above.
    const failed = (JSON.parse(blocked.stdout) as typeof report).results.filter((r) => r.outcome !== 'pass')
    expect(failed.map((r) => [r.protocol, r.kind])).toEqual(NTP.map(() => ['ntp', 'refused']))
    const text = await lab.client([process.execPath, cli, 'probe', '--timeout-ms', String(TIMEOUT_MS)])
    expect(text.code).toBe(1)
    expect(text.stdout).toContain('allow UDP 123 to pool.ntp.org')
    expect(text.stdout).not.toContain('\u001b[')
  })
})
