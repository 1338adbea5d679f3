/**
 * The run's context (interface, SSID, gateway, cable) with its warnings, resolv.conf reading, the
 * plan from the requirement profile (NET-DOMAINS), rules, and the CLI's JSON and text output.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ProbeResult, ProbeRun } from '../../../src/shared/model/probe'
import { PROFILE } from '../../../src/shared/requirements/profile'
import { isValidInterfaceName, parseIwLink, parseNmcliActive, parseProcNetRoute, readContext, type ContextDeps } from '../../../src/main/probe/context'
import { buildPlan } from '../../../src/main/probe/plan'
import { toJsonReport, toText } from '../../../src/main/probe/present'
import { failuresFirst, rulesToAdd } from '../../../src/shared/model/probe-views'
import { parseResolvConf, readResolvers } from '../../../src/main/probe/resolv-conf'
import { ruleFor } from '../../../src/main/probe/rules'

const ROUTE = [
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
  'eth0\t00000000\t0102A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0',
  'wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0',
  'wlan0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0'
].join('\n')

describe('context parsers', () => {
  it('picks the default route with the lowest metric and decodes the little-endian gateway', () => {
    expect(parseProcNetRoute(ROUTE)).toEqual({ iface: 'eth0', gateway: '192.168.2.1' })
    expect(parseProcNetRoute(ROUTE.split('\n').filter((l) => !l.startsWith('eth0')).join('\n'))).toEqual({ iface: 'wlan0', gateway: '192.168.1.1' })
    expect(parseProcNetRoute('Iface\tDestination\n')).toBeNull()
  })

  it('reads the SSID from iw and from nmcli terse output (with escaped colons)', () => {
    expect(parseIwLink('Connected to aa:bb:cc:dd:ee:ff (on wlan0)\n\tSSID: Garage IoT: 2.4\n\tfreq: 2437\n')).toBe('Garage IoT: 2.4')
    expect(parseIwLink('Not connected.\n')).toBeNull()
    expect(parseNmcliActive('no:Neighbour\nyes:Garage\\:IoT\n')).toBe('Garage:IoT')
    expect(parseNmcliActive('no:Neighbour\n')).toBeNull()
  })

  it('accepts only kernel-style interface names (they reach a command line)', () => {
    expect(isValidInterfaceName('wlp2s0')).toBe(true)
    expect(isValidInterfaceName('-rf')).toBe(false)
    expect(isValidInterfaceName('wlan0; reboot')).toBe(false)
    expect(isValidInterfaceName('a'.repeat(16))).toBe(false)
  })
})

function deps(over: Partial<ContextDeps> = {}): ContextDeps {
  const sys = new Set(['/sys/class/net/wlan0/wireless', '/sys/class/net/eth0/device'])
  return {
    platform: 'linux',
    execFile: async (file, args) => {
      if (file === 'iw' && args[1] === 'wlan0') return 'Connected to x\n\tSSID: Lobby-Guest\n'
      throw new Error('not found')
    },
    readText: async (p) => {
      if (p === '/proc/net/route') return ROUTE.split('\n').filter((l) => !l.startsWith('eth0')).join('\n')
      if (p === '/sys/class/net/eth0/operstate') return 'up\n'
      throw new Error('missing')
    },
    exists: async (p) => sys.has(p),
    interfaces: () => ({
      wlan0: [{ address: '192.168.1.20', netmask: '255.255.255.0', family: 'IPv4', mac: '', internal: false, cidr: null }],
      eth0: [{ address: '10.0.0.5', netmask: '255.0.0.0', family: 'IPv4', mac: '', internal: false, cidr: null }]
    }),
    ...over
  }
}

describe('readContext', () => {
  it('warns when the laptop is on another SSID than the survey\'s and a cable is also up', async () => {
    const c = await readContext(deps(), ['192.168.1.1'], 'Garage-IoT')
    expect(c).toMatchObject({ interface: 'wlan0', ssid: 'Lobby-Guest', localIp: '192.168.1.20', gateway: '192.168.1.1', wired: true, dnsServers: ['192.168.1.1'] })
    expect(c.warnings.some((w) => w.includes('"Lobby-Guest", not the survey\'s network "Garage-IoT"'))).toBe(true)
    expect(c.warnings.some((w) => w.includes('wired connection is up (eth0)'))).toBe(true)
  })

  it('gives no warning on the target network without a cable, and null SSID when unreadable', async () => {
    const ok = await readContext(deps({ readText: async (p) => (p === '/proc/net/route' ? ROUTE.split('\n').filter((l) => !l.startsWith('eth0')).join('\n') : 'down') }), ['192.168.1.1'], 'Lobby-Guest')
    expect(ok.warnings).toEqual([])
    const unknown = await readContext(deps({ execFile: async () => Promise.reject(new Error('no iw')) }), ['192.168.1.1'], 'Garage-IoT')
    expect(unknown.ssid).toBeNull()
    expect(unknown.warnings.some((w) => w.includes('Could not read which Wi-Fi network wlan0 is on'))).toBe(true)
  })
})

describe('resolv.conf', () => {
  it('keeps valid nameserver lines only, in order', () => {
    expect(parseResolvConf('# c\nnameserver 192.168.1.1\nnameserver fe80::1%wlan0\nnameserver bogus\nsearch lan\n nameserver 9.9.9.9 # x\n')).toEqual(['192.168.1.1', 'fe80::1%wlan0', '9.9.9.9'])
  })

  it('looks behind a local stub (systemd-resolved) for the network-provided resolver', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wc-rc-'))
    try {
      writeFileSync(join(dir, 'stub'), 'nameserver 127.0.0.53\n')
      writeFileSync(join(dir, 'upstream'), 'nameserver 192.168.1.1\n')
      expect(await readResolvers(join(dir, 'stub'), join(dir, 'upstream'))).toEqual({ os: ['127.0.0.53'], network: ['192.168.1.1'], source: join(dir, 'stub') })
      expect((await readResolvers(join(dir, 'missing'), join(dir, 'upstream'))).os).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('plan and rules (NET-DOMAINS)', () => {
  it('covers every probe host of the profile: DNS for all, NTP for time servers, HTTP+TLS for the rest', () => {
    const plan = buildPlan()
    const hosts = PROFILE.parameters.domains.flatMap((d) => d.probeHosts)
    expect([...new Set(plan.map((c) => c.host))].sort()).toEqual([...hosts].sort())
    for (const h of hosts) {
      const protocols = plan.filter((c) => c.host === h).map((c) => c.protocol)
      expect(protocols).toEqual(['pool.ntp.org', 'time.nist.gov'].includes(h) ? ['dns', 'ntp'] : ['dns', 'http', 'tls'])
    }
    expect(plan.find((c) => c.host === 'hermes-prd.sn.tesla.services')?.wildcard).toBe('*.sn.tesla.services')
    expect(plan.find((c) => c.host === 'pool.ntp.org')?.wildcard).toBeNull()
  })

  it('words the rule an installer adds, with the wildcard note for wildcard hosts', () => {
    const [ntp] = buildPlan().filter((c) => c.protocol === 'ntp')
    const tls = buildPlan().find((c) => c.protocol === 'tls' && c.wildcard === '*.sn.tesla.services')
    if (!ntp || !tls) throw new Error('plan changed')
    expect(ruleFor(ntp, 'timeout', '192.168.1.1')).toBe('allow UDP 123 to pool.ntp.org')
    expect(ruleFor(tls, 'refused', null)).toBe('allow TCP 443 to *.sn.tesla.services (the firewall rule must allow the whole wildcard)')
    expect(ruleFor(tls, 'untrusted-certificate', null)).toMatch(/^exempt \*\.sn\.tesla\.services from TLS inspection/)
  })
})

describe('CLI output', () => {
  const r = (over: Partial<ProbeResult>): ProbeResult => ({ requirement: 'NET-DNS', host: 'pool.ntp.org', protocol: 'dns', port: 53, outcome: 'pass', kind: null, latencyMs: 10, detail: 'ok', rule: '', wildcard: null, ...over })
  const run: ProbeRun = {
    id: 'x',
    startedAt: '2026-11-24T05:00:00.000Z',
    finishedAt: '2026-11-24T05:00:01.000Z',
    cancelled: false,
    context: { interface: 'wlan0', ssid: 'Garage-IoT', localIp: '192.168.1.20', gateway: '192.168.1.1', dnsServers: ['192.168.1.1'], wired: false, warnings: ['check me'] },
    results: [
      r({}),
      r({ protocol: 'ntp', port: 123, requirement: 'NET-NTP', outcome: 'fail', kind: 'refused', latencyMs: null, rule: 'allow UDP 123 to pool.ntp.org' }),
      r({ protocol: 'http', port: 80, host: 'time.nist.gov', requirement: 'NET-HTTP', outcome: 'not-run', detail: 'needs an address' })
    ]
  }

  it('sorts failures first and lists each distinct rule once', () => {
    expect(failuresFirst(run.results).map((x) => x.outcome)).toEqual(['fail', 'not-run', 'pass'])
    expect(rulesToAdd(run.results)).toEqual([{ requirement: 'NET-NTP', rule: 'allow UDP 123 to pool.ntp.org', checks: ['ntp pool.ntp.org'] }])
  })

  it('JSON results carry exactly the issue\'s keys', () => {
    const json = toJsonReport(run)
    for (const x of json.results) expect(Object.keys(x).sort()).toEqual(['detail', 'host', 'kind', 'latencyMs', 'outcome', 'port', 'protocol', 'requirement'])
    expect(json.context.warnings).toEqual(['check me'])
  })

  it('prints the table with the requirement and rule of each failure; colour only when asked', () => {
    const plain = toText(run, { color: false, width: 120 })
    expect(plain).not.toContain('\u001b[')
    expect(plain.split('\n').find((l) => l.startsWith('FAIL'))).toContain('NET-NTP')
    expect(plain).toContain('→ add: allow UDP 123 to pool.ntp.org')
    expect(plain).toContain('1 passed, 1 failed, 1 not run, of 3 checks.')
    expect(toText(run, { color: true, width: 120 })).toContain('\u001b[31m')
  })
})
