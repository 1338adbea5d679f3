/**
 * Connectivity findings (NET-DNS, NET-NTP, NET-HTTP, NET-TLS, NET-DOMAINS, WIFI-PORTAL) from a
 * firewall probe run, weighted by the site's billing mode (SITE-BILLING): at a billed site a
 * failed check is `fail`; at a free site it is `warn`, because Power Management still works offline.
 */
import type { Finding, FindingResult, RequirementId } from '../model/finding'
import type { ProbeProtocol, ProbeResult, ProbeRun } from '../model/probe'
import type { BillingMode } from '../model/survey'
import { finding } from './finding-kit'
import type { ProfileParameters, RequiredDomain } from './profile'

export interface ConnectivityInput {
  readonly probe: ProbeRun | null
  readonly billingMode: BillingMode
  readonly targetSsid: string
  readonly params: ProfileParameters
}

const PROTOCOL_OF: Readonly<Partial<Record<RequirementId, ProbeProtocol>>> = {
  'NET-DNS': 'dns',
  'NET-NTP': 'ntp',
  'NET-HTTP': 'http',
  'NET-TLS': 'tls'
}

const OFFLINE_NOTE = 'This site is free to charge: Power Management still works offline, but cloud features (remote monitoring, firmware updates) need it.'

/** Does `host` match a pattern such as `*.sn.tesla.services` (one or more labels) or equal it? */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase()
  const h = host.toLowerCase().replace(/\.$/, '')
  if (!p.startsWith('*.')) return p === h
  return h.endsWith(p.slice(1)) && h.length > p.length - 1
}

/** Results that speak for one required domain entry: its named/representative hosts or wildcard. */
function resultsForDomain(d: RequiredDomain, results: readonly ProbeResult[]): ProbeResult[] {
  return results.filter((r) => r.wildcard === d.pattern || d.probeHosts.includes(r.host.toLowerCase()) || hostMatches(d.pattern, r.host))
}

function describe(r: ProbeResult): string {
  const what = `${r.protocol.toUpperCase()} ${r.host}:${r.port}`
  if (r.outcome === 'pass') return `${what} ok${r.latencyMs === null ? '' : ` (${Math.round(r.latencyMs)} ms)`}`
  if (r.outcome === 'not-run') return `${what} not run${r.detail ? ` (${r.detail})` : ''}`
  return `${what} failed: ${r.kind ?? 'error'}${r.detail ? ` (${r.detail})` : ''}`
}

/** The run's result for a set of checks: fail beats not-run beats pass; nothing → null. */
function outcomeOf(results: readonly ProbeResult[]): 'pass' | 'fail' | 'not-run' | null {
  if (results.length === 0) return null
  if (results.some((r) => r.outcome === 'fail')) return 'fail'
  if (results.some((r) => r.outcome === 'not-run')) return 'not-run'
  return 'pass'
}

function weighted(billing: BillingMode): FindingResult {
  return billing === 'billed' ? 'fail' : 'warn'
}

const REQUIREMENTS: readonly RequirementId[] = ['WIFI-PORTAL', 'NET-DNS', 'NET-NTP', 'NET-HTTP', 'NET-TLS', 'NET-DOMAINS']

/** Connectivity findings, in display order (WIFI-PORTAL first, as in the profile). */
export function evaluateConnectivity(input: ConnectivityInput): Finding[] {
  const { probe, billingMode, targetSsid } = input
  const name = `"${targetSsid}"`
  if (probe === null) {
    return REQUIREMENTS.map((id) =>
      billingMode === 'billed'
        ? finding(
            id,
            'unknown',
            'no firewall probe run at this location',
            [],
            'Charging is billed here, so the chargers need a working internet connection; it has not been checked at this location.',
            `Connect the laptop to ${name} at this location and run the connectivity check (Connectivity page, or \`wc-survey probe\`).`
          )
        : finding(
            id,
            'warn',
            'no firewall probe run at this location',
            [],
            `Not checked at this location. ${OFFLINE_NOTE}`,
            `Connect the laptop to ${name} at this location and run the connectivity check (Connectivity page, or \`wc-survey probe\`) to confirm the firewall lets the chargers out.`,
            true
          )
    )
  }
  const where = 'probe run at this location'
  const ctxSsid = probe.context.ssid
  if (ctxSsid !== null && ctxSsid !== targetSsid) {
    return REQUIREMENTS.map((id) =>
      finding(
        id,
        'unknown',
        `${where} on "${ctxSsid}", not on ${name}`,
        [],
        'The probe ran on another network, so it says nothing about the chargers\' firewall.',
        `Connect the laptop to ${name} (and unplug any wired connection) and run the connectivity check again.`
      )
    )
  }
  const caveats = [
    ctxSsid === null ? 'the laptop\'s network could not be confirmed' : '',
    probe.context.wired === true ? 'the laptop also had a wired connection' : '',
    probe.cancelled || probe.finishedAt === null ? 'the run was cancelled before it finished' : ''
  ].filter((c) => c.length > 0)
  const head = [where, ...caveats].join('; ')
  return REQUIREMENTS.map((id) => judge(id, probe.results, input, head))
}

function judge(id: RequirementId, all: readonly ProbeResult[], input: ConnectivityInput, head: string): Finding {
  const fail = weighted(input.billingMode)
  const offline = input.billingMode === 'free' ? ` ${OFFLINE_NOTE}` : ''
  if (id === 'WIFI-PORTAL') return judgePortal(all, fail, offline, head)
  if (id === 'NET-DOMAINS') return judgeDomains(all, input.params.domains, fail, offline, head)
  // Cast: every id but WIFI-PORTAL and NET-DOMAINS (handled above) has a protocol in PROTOCOL_OF.
  const protocol = PROTOCOL_OF[id] as ProbeProtocol
  // A captive portal answer on HTTP is judged under WIFI-PORTAL, not as a blocked port.
  const results = all.filter((r) => r.protocol === protocol && !(r.kind === 'captive-portal' && protocol === 'http'))
  const outcome = outcomeOf(results)
  const port = { dns: 'UDP 53', ntp: 'UDP 123', http: 'TCP 80', tls: 'TCP 443' }[protocol]
  const evidence = [head, ...results.map(describe)].join('; ')
  if (outcome === null) {
    return finding(id, 'unknown', `${head}; no ${protocol.toUpperCase()} check in the run`, [], `${port} was not checked.`, 'Run the full connectivity check again (all protocols).')
  }
  if (outcome === 'not-run') {
    return finding(id, 'unknown', evidence, [], `Some ${protocol.toUpperCase()} checks did not run, so ${port} is not confirmed.`, 'Run the connectivity check again and let it finish.')
  }
  if (outcome === 'pass') return finding(id, 'pass', evidence, [], `${port} gets out to every required host checked.`, '')
  const failed = results.filter((r) => r.outcome === 'fail')
  const rules = [...new Set(failed.map((r) => r.rule).filter((r) => r.length > 0))]
  const tlsInspection = protocol === 'tls' && failed.some((r) => r.kind === 'untrusted-certificate' || r.kind === 'hostname-mismatch')
  const explanation = tlsInspection
    ? `TLS inspection suspected: the certificate chain does not validate; the chargers carry their own trust store and fail behind it.${offline}`
    : `${port} is blocked or broken for ${failed.length} check(s).${offline}`
  const remediation = tlsInspection
    ? 'Exempt the chargers (or the required domains) from TLS inspection on the firewall.'
    : rules.length > 0
      ? `On the firewall: ${rules.join('; ')}.`
      : `On the firewall, allow ${port} from the chargers' network to the required hosts.`
  return finding(id, fail, evidence, [], explanation, remediation)
}

function judgePortal(all: readonly ProbeResult[], fail: FindingResult, offline: string, head: string): Finding {
  const portal = all.filter((r) => r.kind === 'captive-portal' || (r.requirement === 'WIFI-PORTAL' && r.outcome === 'fail'))
  if (portal.length > 0) {
    return finding(
      'WIFI-PORTAL',
      fail,
      [head, ...portal.map(describe)].join('; '),
      [],
      `A captive portal (login or redirect page) intercepts web traffic; the charger cannot get past it.${offline}`,
      'Turn off the captive portal / guest login for the chargers\' network (or exempt the chargers\' MAC addresses).'
    )
  }
  const http = all.filter((r) => r.protocol === 'http' || r.requirement === 'WIFI-PORTAL')
  const outcome = outcomeOf(http)
  if (outcome === 'pass') return finding('WIFI-PORTAL', 'pass', [head, ...http.map(describe)].join('; '), [], 'Plain HTTP reached its hosts: no captive portal seen.', '')
  return finding(
    'WIFI-PORTAL',
    'unknown',
    [head, ...(http.length > 0 ? http.map(describe) : ['no HTTP check in the run'])].join('; '),
    [],
    'A captive portal is detected through plain HTTP, which did not get through, so a portal can be neither seen nor ruled out.',
    'Open any http:// page on the laptop while connected to the network: a login page means a portal. Fix NET-HTTP first.'
  )
}

function judgeDomains(all: readonly ProbeResult[], domains: readonly RequiredDomain[], fail: FindingResult, offline: string, head: string): Finding {
  const perDomain = domains.map((d) => ({ d, outcome: outcomeOf(resultsForDomain(d, all)), results: resultsForDomain(d, all) }))
  const wildcardNote = domains.some((d) => d.pattern.startsWith('*.'))
    ? ` Wildcards (${domains.filter((d) => d.pattern.startsWith('*.')).map((d) => d.pattern).join(', ')}) are probed through representative hosts; the firewall rule itself must allow the whole wildcard.`
    : ''
  const evidence = [head, ...perDomain.map(({ d, outcome, results }) => {
    const failed = results.filter((r) => r.outcome === 'fail').map((r) => `${r.host} ${r.protocol.toUpperCase()} ${r.kind ?? ''}`.trim())
    return `${d.pattern}: ${outcome === null ? 'not probed' : outcome === 'fail' ? `blocked (${failed.join(', ')})` : outcome === 'not-run' ? 'not all checks ran' : 'reachable'}`
  })].join('; ')
  const blocked = perDomain.filter((p) => p.outcome === 'fail')
  if (blocked.length > 0) {
    return finding(
      'NET-DOMAINS',
      fail,
      evidence,
      [],
      `${blocked.length} of ${domains.length} required domains are not reachable.${offline}`,
      `On the firewall, allow the chargers to reach ${blocked.map((p) => p.d.pattern).join(', ')} (DNS, NTP for time servers, TCP 80/443).${wildcardNote}`
    )
  }
  const missing = perDomain.filter((p) => p.outcome === null || p.outcome === 'not-run')
  if (missing.length > 0) {
    return finding(
      'NET-DOMAINS',
      'unknown',
      evidence,
      [],
      `${missing.length} of ${domains.length} required domains were not fully checked.`,
      'Run the full connectivity check again and let it finish.'
    )
  }
  return finding('NET-DOMAINS', 'pass', evidence, [], `All ${domains.length} required domains are reachable.${wildcardNote}`, '')
}
