/**
 * Before and after: what changed between two surveys of a site, location by location and
 * requirement by requirement.
 *
 * Both surveys are judged afresh with this build's profile (the judge passed in), so findings an
 * older build stored do not decide. The compare page, the report's "Changes since" section and
 * `wc-survey compare` all read this one result.
 */
import type { FindingResult, StoredRequirementId, Verdict } from '../model/finding'
import type { Survey, SurveyLocation } from '../model/survey'
import { judgeSurvey, type LocationJudgement, type RequirementProfile, type SurveyJudgement } from '../requirements'
import { targetSignal } from '../requirements/target-signal'

/**
 * How one requirement at one location changed. Known results rank pass > warn > fail: better is
 * `fixed`, worse is `regressed` (a new warning is a regression too), equal is `still-passing`
 * (pass or warn) or `still-failing`. A step to or from `unknown` is `changed`: nothing can be said
 * about better or worse. Unknown on both sides stays open like a fail (unknown is never a pass):
 * `still-failing`. `new` / `gone`: measured in only the newer / only the older survey.
 */
export type ChangeKind = 'fixed' | 'regressed' | 'still-failing' | 'still-passing' | 'changed' | 'new' | 'gone'

/** Every kind, in the order the page's legend and filters list them. */
export const CHANGE_KINDS: readonly ChangeKind[] = ['regressed', 'fixed', 'changed', 'still-failing', 'still-passing', 'new', 'gone']

/** The words for each kind, in the app, the report and the CLI. */
export const CHANGE_LABEL: Readonly<Record<ChangeKind, string>> = {
  fixed: 'Fixed',
  regressed: 'Regressed',
  'still-failing': 'Still failing',
  'still-passing': 'Still passing',
  changed: 'Changed',
  new: 'Newly measured',
  gone: 'No longer measured'
}

/** A glyph per kind, so a change reads without colour (grey print, colour blindness). */
export const CHANGE_GLYPH: Readonly<Record<ChangeKind, string>> = {
  fixed: '▲',
  regressed: '▼',
  'still-failing': '✕',
  'still-passing': '✓',
  changed: '↔',
  new: '+',
  gone: '−'
}

export interface RequirementChange {
  readonly requirement: StoredRequirementId
  /** Null when the location was not measured in that survey. */
  readonly old: FindingResult | null
  readonly new: FindingResult | null
  readonly kind: ChangeKind
}

/** One location found in both surveys. */
export interface LocationChange {
  /** The newer survey's name for it (a renamed stall shows its new name). */
  readonly name: string
  readonly oldName: string
  readonly oldId: string
  readonly newId: string
  /** By ID when the surveys are of one re-survey chain, else by normalised name. */
  readonly matchedBy: 'identity' | 'name'
  readonly verdict: { readonly old: Verdict; readonly new: Verdict }
  /** The target network's deciding signal (the reading WIFI-SIGNAL judges), dBm. */
  readonly signal: { readonly oldDbm: number | null; readonly newDbm: number | null }
  /** New minus old, dB (positive: stronger); null unless both were heard. */
  readonly signalDeltaDb: number | null
  /** One per requirement judged in either survey, in the profile's order. */
  readonly changes: readonly RequirementChange[]
}

/** One side of a comparison. */
export interface ComparedSurvey {
  readonly survey: Survey
  readonly judgement: SurveyJudgement
}

export interface SurveyComparison {
  readonly older: ComparedSurvey
  readonly newer: ComparedSurvey
  /** True when both surveys belong to one re-survey chain: locations were matched by ID first. */
  readonly linked: boolean
  /** Why the two may not be comparable (another site, another target network); compared anyway. */
  readonly warnings: readonly string[]
  /** Matched locations, in the newer survey's order. */
  readonly locations: readonly LocationChange[]
  /** Locations found in only one survey, by name: listed, never dropped. */
  readonly unmatched: { readonly old: readonly string[]; readonly new: readonly string[] }
  /** Location × requirement counts. */
  readonly summary: { readonly fixed: number; readonly regressed: number; readonly stillFailing: number }
}

const RANK: Readonly<Record<Exclude<FindingResult, 'unknown'>, number>> = { pass: 2, warn: 1, fail: 0 }

/** The kind of change from `old` to `now`; null when neither survey judged it. */
export function changeKind(old: FindingResult | null, now: FindingResult | null): ChangeKind | null {
  if (old === null && now === null) return null
  if (old === null) return 'new'
  if (now === null) return 'gone'
  if (old === 'unknown' && now === 'unknown') return 'still-failing'
  if (old === 'unknown' || now === 'unknown') return 'changed'
  if (RANK[now] > RANK[old]) return 'fixed'
  if (RANK[now] < RANK[old]) return 'regressed'
  return old === 'fail' ? 'still-failing' : 'still-passing'
}

/**
 * A location or site name for matching: Unicode-compatible forms folded, case ignored, and runs
 * of spaces and dashes (any Unicode dash: "–" typed on a Mac, "-" on a PC) read as one separator.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{Pd}]+/gu, ' ')
    .trim()
}

/** The re-survey chain a survey belongs to: its first survey's ID. */
export function lineageOf(survey: Survey): string {
  return survey.resurveyOf?.lineageId ?? survey.id
}

/** Pairs each newer location with an older one: by ID when linked, then by normalised name, first come first served. */
function matchLocations(
  older: readonly SurveyLocation[],
  newer: readonly SurveyLocation[],
  linked: boolean
): { pairs: { old: SurveyLocation; new: SurveyLocation; by: LocationChange['matchedBy'] }[]; oldLeft: SurveyLocation[]; newLeft: SurveyLocation[] } {
  const pairOf = new Map<SurveyLocation, { old: SurveyLocation; by: LocationChange['matchedBy'] }>()
  const used = new Set<SurveyLocation>()
  if (linked) {
    for (const n of newer) {
      const o = older.find((l) => l.id === n.id && !used.has(l))
      if (o) {
        pairOf.set(n, { old: o, by: 'identity' })
        used.add(o)
      }
    }
  }
  for (const n of newer) {
    if (pairOf.has(n)) continue
    const key = normaliseName(n.name)
    const o = older.find((l) => !used.has(l) && normaliseName(l.name) === key)
    if (o) {
      pairOf.set(n, { old: o, by: 'name' })
      used.add(o)
    }
  }
  const pairs = newer.flatMap((n) => {
    const p = pairOf.get(n)
    return p ? [{ old: p.old, new: n, by: p.by }] : []
  })
  return { pairs, oldLeft: older.filter((l) => !used.has(l)), newLeft: newer.filter((l) => !pairOf.has(l)) }
}

function judgementOf(j: SurveyJudgement, location: SurveyLocation): LocationJudgement {
  const found = j.locations.find((l) => l.location === location)
  // The judgement has one entry per location of the survey it judged.
  if (found === undefined) throw new Error(`location ${location.id} missing from its survey's judgement`)
  return found
}

function signalAt(survey: Survey, l: LocationJudgement): number | null {
  if (l.measurement === null) return null
  return targetSignal(l.measurement.observations, survey.targetSsid)?.signalDbm ?? null
}

function requirementChanges(old: LocationJudgement, now: LocationJudgement): RequirementChange[] {
  const oldById = new Map((old.findings ?? []).map((f) => [f.requirement, f.result]))
  const newById = new Map((now.findings ?? []).map((f) => [f.requirement, f.result]))
  // Both sides were judged with the same profile, so its order is kept: the newer's IDs, then any only the older had.
  const ids = [...new Set([...newById.keys(), ...oldById.keys()])]
  return ids.flatMap((requirement) => {
    const o = oldById.get(requirement) ?? null
    const n = newById.get(requirement) ?? null
    const kind = changeKind(o, n)
    return kind === null ? [] : [{ requirement, old: o, new: n, kind }]
  })
}

function differences(older: Survey, newer: Survey): string[] {
  const warnings: string[] = []
  if (normaliseName(older.site.name) !== normaliseName(newer.site.name)) {
    warnings.push(`These surveys are of different sites ("${older.site.name}" and "${newer.site.name}"): compared anyway, location by location.`)
  }
  if (older.targetSsid !== newer.targetSsid) {
    warnings.push(`The target networks differ ("${older.targetSsid}" in the older survey, "${newer.targetSsid}" in the newer): compared anyway.`)
  }
  return warnings
}

/**
 * Compares `older` with `newer`, both judged afresh with `profile` (this build's: stored findings
 * never decide).
 *
 * Locations are matched by ID when the surveys belong to one re-survey chain (a re-survey keeps
 * its origin's location IDs, so a renamed stall is still the same stall), then by normalised name;
 * the rest are listed in `unmatched`.
 */
export function compareSurveys(profile: RequirementProfile, older: Survey, newer: Survey): SurveyComparison {
  const oldJ = judgeSurvey(profile, older)
  const newJ = judgeSurvey(profile, newer)
  const linked = lineageOf(older) === lineageOf(newer)
  const { pairs, oldLeft, newLeft } = matchLocations(older.locations, newer.locations, linked)
  const locations = pairs.map((p): LocationChange => {
    const o = judgementOf(oldJ, p.old)
    const n = judgementOf(newJ, p.new)
    const oldDbm = signalAt(older, o)
    const newDbm = signalAt(newer, n)
    return {
      name: p.new.name,
      oldName: p.old.name,
      oldId: p.old.id,
      newId: p.new.id,
      matchedBy: p.by,
      verdict: { old: o.verdict.verdict, new: n.verdict.verdict },
      signal: { oldDbm, newDbm },
      // Rounded to 0.1 dB: medians of readings may end in .5, float subtraction adds noise.
      signalDeltaDb: oldDbm === null || newDbm === null ? null : Math.round((newDbm - oldDbm) * 10) / 10,
      changes: requirementChanges(o, n)
    }
  })
  const all = locations.flatMap((l) => l.changes)
  const count = (kind: ChangeKind): number => all.filter((c) => c.kind === kind).length
  return {
    older: { survey: older, judgement: oldJ },
    newer: { survey: newer, judgement: newJ },
    linked,
    warnings: differences(older, newer),
    locations,
    unmatched: { old: oldLeft.map((l) => l.name), new: newLeft.map((l) => l.name) },
    summary: { fixed: count('fixed'), regressed: count('regressed'), stillFailing: count('still-failing') }
  }
}

/**
 * One line for the page and the report, e.g.
 * "5 fixed, 1 regressed at Level P2 – stall 14: WIFI-SEC, 2 still failing".
 */
export function comparisonSummaryLine(c: SurveyComparison): string {
  const regressedAt = c.locations
    .map((l) => ({ name: l.name, ids: l.changes.filter((x) => x.kind === 'regressed').map((x) => x.requirement) }))
    .filter((l) => l.ids.length > 0)
    .map((l) => `${l.name}: ${l.ids.join(', ')}`)
  const where = regressedAt.length > 0 ? ` at ${regressedAt.join('; ')}` : ''
  return `${c.summary.fixed} fixed, ${c.summary.regressed} regressed${where}, ${c.summary.stillFailing} still failing`
}

/** A signal change as `+10 dB`, `-3.5 dB` or `0 dB`; a dash when either side was not heard. */
export function formatDeltaDb(db: number | null): string {
  if (db === null) return '—'
  return `${db > 0 ? '+' : ''}${db} dB`
}

/** Which of two surveys is the older: by creation time, then by ID so the order is stable. */
export function orderByAge(a: Survey, b: Survey): { older: Survey; newer: Survey } {
  const aFirst = a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id <= b.id)
  return aFirst ? { older: a, newer: b } : { older: b, newer: a }
}
