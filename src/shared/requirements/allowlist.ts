/**
 * The chargers' firewall allowlist, as data: one rule per protocol and destination, derived from
 * the requirement profile only (NET-DNS, NET-NTP, NET-HTTP, NET-TLS and NET-DOMAINS), and — given
 * a survey — what its probe runs saw of each rule. The IT handout's formats (src/shared/handout),
 * the CLI's `wc-survey rules`, the app's IT handout page and the PDF all read this one list.
 */
import type { RequirementId } from '../model/finding'
import type { ProbeFailureKind, ProbeProtocol, ProbeResult, ProbeRun } from '../model/probe'
import type { Survey } from '../model/survey'
import { hostMatches } from './connectivity-rules'
import { networkProbeFor } from './judge'
import { PROFILE, serviceOf, type RequirementProfile } from './profile'

/** Said of every wildcard rule: probing one name proves nothing for the rest. */
export const WILDCARD_NOTE = 'the firewall rule must allow the whole wildcard'

/** Where a rule lets traffic go. */
export type AllowDestination =
  /** Any address: DNS goes to whichever resolver the network's DHCP hands out. */
  | { readonly kind: 'any' }
  | { readonly kind: 'name'; readonly name: string }
  /** `*.sn.tesla.services`: `zone` is the part after `*.` (`sn.tesla.services`). */
  | { readonly kind: 'wildcard'; readonly pattern: string; readonly zone: string }

/** What the survey's probe runs saw of a rule: the worst of its checks. */
export type RuleSeen = 'fail' | 'not-run' | 'pass' | 'not-probed'

/** One failed check behind a rule, for the "what failed" list. */
export interface SeenFailure {
  readonly host: string
  readonly protocol: ProbeProtocol
  readonly kind: ProbeFailureKind | null
  /** The probe's own advice for it ("allow UDP 123 to pool.ntp.org"). */
  readonly advice: string
  /** Locations whose counting probe run saw it. */
  readonly locations: readonly string[]
}

export interface AllowRule {
  /** Stable key, e.g. "tls:*.sn.tesla.services" or "dns:any". */
  readonly key: string
  readonly protocol: ProbeProtocol
  readonly transport: 'udp' | 'tcp'
  readonly port: number
  readonly destination: AllowDestination
  /** Why: the port's requirement, then NET-DOMAINS for a named destination. */
  readonly requirements: readonly RequirementId[]
  /** The hosts the survey probes for this rule (a wildcard's named and representative hosts). */
  readonly covers: readonly string[]
  /** What IT must know beyond "allow" (no TLS inspection, the whole wildcard, the DHCP resolver). */
  readonly note: string
  readonly seen: RuleSeen
  readonly failures: readonly SeenFailure[]
}

/** The allowlist of a survey (or of the profile alone when there is no survey). */
export interface Allowlist {
  readonly profile: { readonly id: string; readonly version: string }
  readonly rules: readonly AllowRule[]
  /** The survey's site, or null for the profile's list alone. */
  readonly site: string | null
  /** How many probe runs on the chargers' network the survey holds (0: nothing was probed). */
  readonly probeRuns: number
}

/** `pool.ntp.org` → name; `*.sn.tesla.services` → wildcard of zone `sn.tesla.services`. */
export function destinationOf(pattern: string): AllowDestination {
  return pattern.startsWith('*.') ? { kind: 'wildcard', pattern, zone: pattern.slice(2) } : { kind: 'name', name: pattern }
}

/** The destination as IT reads it: "any", "pool.ntp.org", "*.sn.tesla.services". */
export function destinationLabel(d: AllowDestination): string {
  return d.kind === 'any' ? 'any' : d.kind === 'name' ? d.name : d.pattern
}

const NOTES: Readonly<Record<ProbeProtocol, string>> = {
  dns: "to the resolver the chargers' DHCP hands out; for name-based rules that resolver must be the one that fills the address sets",
  ntp: '',
  http: '',
  tls: 'without TLS inspection: the chargers carry their own trust store'
}

function note(protocol: ProbeProtocol, wildcard: boolean): string {
  return [NOTES[protocol], wildcard ? WILDCARD_NOTE : ''].filter((n) => n !== '').join('; ')
}

/** The rule a probe result belongs to: its protocol, and its host (DNS goes to any resolver). */
function belongsTo(rule: Omit<AllowRule, 'seen' | 'failures'>, r: ProbeResult): boolean {
  if (r.protocol !== rule.protocol) return false
  if (rule.destination.kind === 'any') return true
  const pattern = destinationLabel(rule.destination)
  return r.wildcard === pattern || rule.covers.includes(r.host.toLowerCase()) || hostMatches(pattern, r.host)
}

/** The probe runs on the chargers' network that count for the survey's locations, each once. */
function countingRuns(survey: Survey, profile: RequirementProfile): { run: ProbeRun; locations: string[] }[] {
  const byId = new Map<string, { run: ProbeRun; locations: string[] }>()
  for (const location of survey.locations) {
    const p = networkProbeFor(profile, survey, location)
    // A run on another network says nothing about the chargers' firewall (the findings say so).
    if (p === null || (p.run.context.ssid !== null && p.run.context.ssid !== survey.targetSsid)) continue
    const entry = byId.get(p.run.id) ?? { run: p.run, locations: [] }
    entry.locations.push(location.name)
    byId.set(p.run.id, entry)
  }
  return [...byId.values()].map((e) => ({ run: e.run, locations: [...new Set(e.locations)] }))
}

function seenOf(results: readonly ProbeResult[]): RuleSeen {
  if (results.length === 0) return 'not-probed'
  if (results.some((r) => r.outcome === 'fail')) return 'fail'
  if (results.some((r) => r.outcome === 'not-run')) return 'not-run'
  return 'pass'
}

function failuresOf(rule: Omit<AllowRule, 'seen' | 'failures'>, runs: readonly { run: ProbeRun; locations: readonly string[] }[]): SeenFailure[] {
  const byCheck = new Map<string, { failure: Omit<SeenFailure, 'locations'>; locations: string[] }>()
  for (const { run, locations } of runs) {
    for (const r of run.results) {
      if (r.outcome !== 'fail' || !belongsTo(rule, r)) continue
      const key = `${r.protocol}:${r.host}:${r.kind ?? ''}`
      const entry = byCheck.get(key) ?? { failure: { host: r.host, protocol: r.protocol, kind: r.kind, advice: r.rule }, locations: [] }
      for (const l of locations) if (!entry.locations.includes(l)) entry.locations.push(l)
      byCheck.set(key, entry)
    }
  }
  return [...byCheck.values()].map((e) => ({ ...e.failure, locations: e.locations }))
}

/** The rules of a profile, nothing seen yet: DNS to any, then each domain's services in profile order. */
function profileRules(profile: RequirementProfile): Omit<AllowRule, 'seen' | 'failures'>[] {
  const dns = serviceOf('dns', profile)
  const rules: Omit<AllowRule, 'seen' | 'failures'>[] = [
    {
      key: 'dns:any',
      protocol: 'dns',
      transport: dns.transport,
      port: dns.port,
      destination: { kind: 'any' },
      requirements: [dns.requirement],
      covers: profile.parameters.domains.flatMap((d) => d.probeHosts),
      note: note('dns', false)
    }
  ]
  // Grouped by protocol (NTP, then HTTP, then TLS), as a firewall's rule list reads best.
  for (const protocol of ['ntp', 'http', 'tls'] as const) {
    const service = serviceOf(protocol, profile)
    for (const domain of profile.parameters.domains) {
      if (!domain.services.includes(protocol)) continue
      const destination = destinationOf(domain.pattern)
      rules.push({
        key: `${protocol}:${domain.pattern}`,
        protocol,
        transport: service.transport,
        port: service.port,
        destination,
        requirements: [service.requirement, 'NET-DOMAINS'],
        covers: domain.probeHosts,
        note: note(protocol, destination.kind === 'wildcard')
      })
    }
  }
  return rules
}

/**
 * The allowlist: every rule of the profile, each with what `survey`'s probe runs on the chargers'
 * network saw of it (`not-probed` for every rule without a survey or without a run).
 */
export function buildAllowlist(survey: Survey | null, profile: RequirementProfile = PROFILE): Allowlist {
  const runs = survey === null ? [] : countingRuns(survey, profile)
  const rules = profileRules(profile).map((rule): AllowRule => {
    const results = runs.flatMap(({ run }) => run.results.filter((r) => belongsTo(rule, r)))
    return { ...rule, seen: seenOf(results), failures: failuresOf(rule, runs) }
  })
  return { profile: { id: profile.id, version: profile.version }, rules, site: survey?.site.name ?? null, probeRuns: runs.length }
}

/** The rules the survey saw fail: what IT must add. */
export function failedRules(list: Allowlist): AllowRule[] {
  return list.rules.filter((r) => r.seen === 'fail')
}
