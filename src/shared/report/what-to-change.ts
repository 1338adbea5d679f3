/**
 * What to change, grouped by who acts: the network administrator gets only real changes (firewall
 * rules, access-point settings, with the access points' BSSIDs), the site manager the drivers'
 * network, and the technician their own survey steps (run the check here, verify a setting the
 * scanner cannot see, take the phone screenshot) in a list of their own.
 *
 * Pure: the report's "What to change" page, the "Copy for IT" text and the findings CSV
 * (it-ticket.ts) all come from here.
 */
import { knownRequirement, type Finding, type StoredRequirementId } from '../model/finding'
import type { Observation } from '../model/observation'
import type { ProbeResult, ProbeRun } from '../model/probe'
import { visibleText } from '../text/hidden-chars'
import { judgedRequirements } from '../requirements/judge'
import { PROFILE, requirementById, type RequirementGroup } from '../requirements/profile'

/** Who does something about a finding. */
export type Actor = 'firewall' | 'access-point' | 'site' | 'technician'

/** One thing to do, once, with every location it concerns. */
export interface ChecklistItem {
  readonly requirement: StoredRequirementId
  readonly action: string
  /** Extra context (a wildcard the rule must allow whole, what was seen). */
  readonly detail: string
  readonly locations: readonly string[]
  /** The access points the finding names (BSSID, and the AP's own name where the scan gave one); first-seen order. */
  readonly accessPoints: readonly AccessPoint[]
}

/** An access point a finding names: its BSSID, and its device name (WPS) where the scan gave one. */
export interface AccessPoint {
  readonly bssid: string
  readonly name: string | null
}

/** "AP 'RalinkAPS' (ac:22:05:db:4d:5b)", or the BSSID alone when the AP gave no name; the name made visible. */
export function accessPointText(ap: AccessPoint): string {
  return ap.name === null ? ap.bssid : `AP '${visibleText(ap.name)}' (${ap.bssid})`
}

/** "Access point (BSSID): 33:44:…" or, when one gave its name, "Access points: AP 'RalinkAPS' (ac:22:…), 33:44:…" ("What to change", "Copy for IT"). */
export function accessPointsLine(aps: readonly AccessPoint[]): string {
  const label = `Access point${aps.length === 1 ? '' : 's'}${aps.some((ap) => ap.name !== null) ? '' : ' (BSSID)'}`
  return `${label}: ${aps.map(accessPointText).join(', ')}`
}

/** The remediation checklist, grouped by who acts. */
export interface Checklist {
  /** Network administrator: firewall rules to add. */
  readonly firewall: readonly ChecklistItem[]
  /** Network administrator: access-point settings to change. */
  readonly accessPoint: readonly ChecklistItem[]
  /** Site manager: the drivers' network, internet for billing. */
  readonly site: readonly ChecklistItem[]
  /** Technician: survey steps still to do (no change to the network). */
  readonly technician: readonly ChecklistItem[]
}

/** What the checklist needs of a location. */
export interface ChecklistLocation {
  readonly name: string
  readonly findings: readonly Finding[]
  /** The probe run that counts for the location. */
  readonly probe: ProbeRun | null
  /** The measurement judged: its observations name the access points (device names). */
  readonly measurement: { readonly observations: readonly Observation[] } | null
}

const JUDGED = judgedRequirements(PROFILE)

/** A requirement's place in the profile's display order (unknown IDs, and those only a newer version knows, last). */
export function profileIndex(id: string): number {
  const known = knownRequirement(id)
  const i = known === null ? -1 : JUDGED.indexOf(known)
  return i === -1 ? JUDGED.length : i
}

/**
 * A requirement's group; an ID the profile lacks counts as Wi-Fi, so it still reaches the
 * checklist. One only a newer version knows is the site manager's to follow up (open the survey in
 * that version): no network administrator can act on it.
 */
export function requirementGroup(id: string): RequirementGroup {
  const known = knownRequirement(id)
  if (known === null) return 'site'
  return requirementById(known)?.group ?? 'wifi'
}

/** Who acts on a non-passing finding: its survey step is the technician's, else by its requirement's group. */
export function whoActs(f: Finding): Actor {
  if (f.step === true) return 'technician'
  const group = requirementGroup(f.requirement)
  // An installed charger's own problem (re-commission it, its own signal, its cloud link) is the
  // site's to arrange with the installer; the network changes it needs come from the other findings.
  return group === 'connectivity' ? 'firewall' : group === 'site' || group === 'charger' ? 'site' : 'access-point'
}

/** Who acts, in words (the report's headings, the CSV's column). */
export const ACTOR_LABEL: Readonly<Record<Actor, string>> = {
  firewall: 'network administrator: firewall',
  'access-point': 'network administrator: access point',
  site: 'site manager',
  technician: 'technician'
}

type Bucket = Map<string, { item: Omit<ChecklistItem, 'locations' | 'accessPoints'>; locations: string[]; accessPoints: AccessPoint[] }>

/** Adds `location` (and access points) to the item keyed `key`, creating it on first sight; keeps first-seen order. */
function collect(map: Bucket, key: string, item: Omit<ChecklistItem, 'locations' | 'accessPoints'>, location: string, accessPoints: readonly AccessPoint[]): void {
  const entry = map.get(key) ?? { item, locations: [], accessPoints: [] }
  if (!entry.locations.includes(location)) entry.locations.push(location)
  for (const ap of accessPoints) {
    const known = entry.accessPoints.findIndex((a) => a.bssid === ap.bssid)
    if (known === -1) entry.accessPoints.push(ap)
    else if (entry.accessPoints[known]?.name === null && ap.name !== null) entry.accessPoints[known] = ap // named at another stall
  }
  map.set(key, entry)
}

/** BSSID → the AP's device name, from a measurement's observations (those that carry one). */
export function deviceNames(observations: readonly Observation[]): ReadonlyMap<string, string> {
  const names = new Map<string, string>()
  for (const o of observations) if (o.bssid !== null && o.deviceName !== undefined && o.deviceName !== '' && !names.has(o.bssid)) names.set(o.bssid, o.deviceName)
  return names
}

/** The access points of `bssids`, each with its name from `names` where known. */
export function accessPointsOf(bssids: readonly string[], names: ReadonlyMap<string, string>): AccessPoint[] {
  return bssids.map((bssid) => ({ bssid, name: names.get(bssid) ?? null }))
}

function wildcardNote(r: ProbeResult): string {
  return r.wildcard === null ? '' : `Probed through ${r.host}; the rule must allow the whole wildcard ${r.wildcard}.`
}

/**
 * The remediation checklist: every failed probe's firewall rule, and every non-passing finding's
 * remediation, each once, with the locations it concerns.
 *
 * A connectivity finding whose location has a failed probe with a rule for the same requirement
 * is already covered by that rule and is not repeated.
 */
export function buildChecklist(locations: readonly ChecklistLocation[]): Checklist {
  const buckets: Record<Actor, Bucket> = { firewall: new Map(), 'access-point': new Map(), site: new Map(), technician: new Map() }
  for (const l of locations) {
    const names = deviceNames(l.measurement?.observations ?? [])
    const covered = new Set<StoredRequirementId>()
    for (const r of l.probe?.results ?? []) {
      if (r.outcome !== 'fail' || r.rule === '') continue
      covered.add(r.requirement)
      collect(buckets.firewall, `rule:${r.rule}`, { requirement: r.requirement, action: r.rule, detail: wildcardNote(r) }, l.name, [])
    }
    for (const f of l.findings) {
      if (f.result === 'pass' || f.remediation === '') continue
      const actor = whoActs(f)
      if (actor === 'firewall' && covered.has(f.requirement)) continue
      collect(buckets[actor], `${f.requirement}:${f.remediation}`, { requirement: f.requirement, action: f.remediation, detail: '' }, l.name, actor === 'access-point' ? accessPointsOf(f.bssids, names) : [])
    }
  }
  const list = (b: Bucket): ChecklistItem[] =>
    [...b.values()]
      .map((e) => ({ ...e.item, locations: e.locations, accessPoints: e.accessPoints }))
      .sort((a, b) => profileIndex(a.requirement) - profileIndex(b.requirement))
  return { firewall: list(buckets.firewall), accessPoint: list(buckets['access-point']), site: list(buckets.site), technician: list(buckets.technician) }
}
