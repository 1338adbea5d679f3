/**
 * Proof that the IT handout works (NET-DNS, NET-NTP, NET-HTTP, NET-TLS, NET-DOMAINS): the lab's
 * router plays the site's router — a dnsmasq on its inside address is the chargers' resolver — and
 * its egress is default-deny. Loading the generated nftables ruleset and restarting that dnsmasq
 * with the generated nftset= lines makes every check of the real default probe plan pass, while
 * a web server no charger needs and port 22 on an allowed host stay blocked.
 *
 * The controls make each step count: with the router open the outside server and port 22 answer
 * (so "blocked" is the ruleset's doing); with the ruleset but without the dnsmasq lines only DNS
 * gets out (so the address sets, filled from DNS answers, are what lets the wildcards through).
 */
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProbeRun } from '../../src/shared/model/probe'
import { buildPlan } from '../../src/main/probe/plan'
import { buildAllowlist } from '../../src/shared/requirements/allowlist'
import { renderHandout } from '../../src/shared/handout/formats'
import { skipFor } from '../support/requires'
import { Lab, LAB, labUnavailable, leftoverNamespaces, OUTSIDE_HOST } from './lab-network'

const TIMEOUT_MS = 2000
const skipLab = skipFor('lab', labUnavailable())
const plan = buildPlan()
const connectScript = resolve(import.meta.dirname, 'tcp-connect.mjs')
/** An allowed host (in the *.sn.tesla.services set once looked up) whose port 22 must stay closed. */
const ALLOWED_HOST = 'hermes-prd.sn.tesla.services'

/** The router's egress before the handout: every forwarded packet from the chargers dropped. */
const DEFAULT_DENY = `table inet site {
  chain forward {
    type filter hook forward priority filter; policy accept;
    iifname "r0" drop
  }
}
`

describe.skipIf(skipLab)('IT handout in the lab: default-deny router + generated nftables and dnsmasq lines', () => {
  let lab: Lab | null = null
  // The router's inside interface is where the chargers' network arrives.
  const nftables = renderHandout(buildAllowlist(null), 'nftables', { chargersInterface: 'r0' })
  const dnsmasq = renderHandout(buildAllowlist(null), 'dnsmasq', { chargersInterface: 'r0' })

  beforeAll(async () => {
    lab = await Lab.start()
    // From here on the client asks the router's dnsmasq, as chargers ask the resolver DHCP gives them.
    lab.useResolver(LAB.routerInside)
    await lab.startRouterDns('')
  })

  afterAll(async () => {
    const prefix = lab?.prefix ?? 'wclab-none'
    await lab?.close()
    expect(leftoverNamespaces(prefix)).toEqual([])
  })

  function started(): Lab {
    if (!lab) throw new Error('lab not started')
    return lab
  }

  async function probe(): Promise<ProbeRun> {
    const child = await started().probe(['--timeout-ms', String(TIMEOUT_MS)])
    expect(child.code, child.stderr).toBe(0)
    // Cast: the child is our own probe CLI printing --json (src/cli/commands/probe.ts).
    return JSON.parse(child.stdout) as ProbeRun
  }

  /** "connected", "timeout" or "error CODE" for one TCP connection from the client. */
  async function connect(host: string, port: number): Promise<string> {
    const child = await started().client([process.execPath, connectScript, host, String(port), String(TIMEOUT_MS)])
    return child.stdout.trim()
  }

  const notPassing = (run: ProbeRun) => run.results.filter((r) => r.outcome !== 'pass').map((r) => `${r.protocol} ${r.host}: ${r.outcome}/${r.kind ?? '-'}`)

  it('controls: with the router open, the outside server and port 22 on an allowed host answer', async () => {
    await started().setScenario('open')
    expect(await connect(OUTSIDE_HOST, 80)).toBe('connected')
    expect(await connect(ALLOWED_HOST, 22)).toBe('connected')
  })

  it('default-deny egress: only DNS (to the router itself) works; NTP, HTTP and TLS all fail', async () => {
    await started().loadRouterRuleset(DEFAULT_DENY)
    const run = await probe()
    expect(run.results).toHaveLength(plan.length)
    const byProtocol = (p: string) => run.results.filter((r) => r.protocol === p).map((r) => r.outcome)
    expect(new Set(byProtocol('dns'))).toEqual(new Set(['pass']))
    for (const p of ['ntp', 'http', 'tls']) expect(new Set(byProtocol(p)), p).toEqual(new Set(['fail']))
  })

  it('the generated ruleset loads on the router, with its address sets', async () => {
    const lab = started()
    await lab.loadRouterRuleset(nftables)
    const sets = await lab.routerNft(['list', 'sets', 'table', 'inet', 'wc_chargers'])
    for (const s of ['pool_ntp_org_v4', 'time_nist_gov_v4', 'sn_tesla_services_v4', 's3_amazonaws_com_v4']) expect(sets).toContain(`set ${s}`)
  })

  it('the ruleset without the dnsmasq lines: the sets stay empty, so only DNS gets out', async () => {
    const lab = started()
    await lab.loadRouterRuleset(nftables)
    await lab.startRouterDns('')
    const run = await probe()
    expect(new Set(run.results.filter((r) => r.protocol !== 'dns').map((r) => r.outcome))).toEqual(new Set(['fail']))
    expect(await lab.routerNft(['list', 'set', 'inet', 'wc_chargers', 'sn_tesla_services_v4'])).not.toMatch(/elements = /)
  })

  it('ruleset + dnsmasq lines: every check of the default plan passes; the outside server and port 22 stay blocked', async () => {
    const lab = started()
    await lab.loadRouterRuleset(nftables)
    await lab.startRouterDns(dnsmasq)
    const run = await probe()
    expect(run.results).toHaveLength(plan.length)
    expect(notPassing(run)).toEqual([])
    // The addresses came from DNS answers through the router's dnsmasq, wildcard zones included.
    expect(await lab.routerNft(['list', 'set', 'inet', 'wc_chargers', 'sn_tesla_services_v4'])).toContain(LAB.web)
    expect(await lab.routerNft(['list', 'set', 'inet', 'wc_chargers', 's3_amazonaws_com_v4'])).toContain(LAB.web)
    expect(await lab.routerNft(['list', 'set', 'inet', 'wc_chargers', 'pool_ntp_org_v4'])).toContain(LAB.ntp)
    // Default deny still holds: a host outside the allowlist, and port 22 on an allowed host.
    expect(await connect(OUTSIDE_HOST, 80)).toBe('timeout')
    expect(await connect(ALLOWED_HOST, 22)).toBe('timeout')
    // SSH to the router itself from the chargers' network is refused by the input chain too.
    expect(await connect(LAB.routerInside, 22)).toBe('timeout')
  })
})
