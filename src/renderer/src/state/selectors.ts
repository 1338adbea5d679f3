/**
 * Pure selectors turning store state into view data (unit-tested in test/renderer/state).
 */
import { RESULT_LABEL, VERDICT_LABEL } from '../../../shared/requirements/labels'
import type { SaveStatus } from './survey-store'
import type { Finding, FindingResult, Verdict, VerdictWithReason } from '../../../shared/model/finding'
import type { Measurement, SurveyLocation, SurveySummary } from '../../../shared/model/survey'
import { groupBss, type LocationJudgement } from '../../../shared/requirements'
import { formatClock } from '../../../shared/text/date-time'


/** What the header says about saving. */
export interface SaveLabel {
  readonly text: string
  readonly tone: 'quiet' | 'busy' | 'ok' | 'error'
}

/** The header's save indicator, in the machine's zone (the technician reads it against the wall clock): "Saved 12:04:31", "Saving…", "Not saved", or review mode. */
export function saveLabel(save: SaveStatus, readOnly: boolean): SaveLabel {
  if (save.state === 'error' || save.state === 'conflict') return { text: 'Not saved', tone: 'error' }
  if (save.state === 'saving') return { text: 'Saving…', tone: 'busy' }
  if (save.state === 'saved' && save.at !== null) return { text: `Saved ${formatClock(save.at, { seconds: true })}`, tone: 'ok' }
  return { text: readOnly ? 'Read-only' : 'No changes yet', tone: 'quiet' }
}

/** Library columns a user can sort by. */
export type LibrarySortKey = 'siteName' | 'customer' | 'targetSsid' | 'updatedAt' | 'locationCount' | 'verdict'
export interface LibrarySort {
  readonly key: LibrarySortKey
  readonly direction: 'asc' | 'desc'
}

const VERDICT_ORDER: Readonly<Record<Verdict, number>> = {
  'not-ready': 0,
  incomplete: 1,
  'ready-with-warnings': 2,
  ready: 3
}

function compareSummaries(a: SurveySummary, b: SurveySummary, key: LibrarySortKey): number {
  switch (key) {
    case 'locationCount':
      return a.locationCount - b.locationCount
    case 'updatedAt':
      return a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0
    case 'verdict':
      // Unjudged files (null) sort after every verdict.
      return (a.verdict === null ? 9 : VERDICT_ORDER[a.verdict]) - (b.verdict === null ? 9 : VERDICT_ORDER[b.verdict])
    case 'siteName':
    case 'customer':
    case 'targetSsid':
      return a[key].localeCompare(b[key], undefined, { sensitivity: 'base', numeric: true })
  }
}

/**
 * The library's rows: those matching every word of the query (site, customer, SSID, file name),
 * sorted by the chosen column; ties keep the newest first; unreadable files last.
 */
export function libraryRows<T extends SurveySummary>(list: readonly T[], query: string, sort: LibrarySort): T[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 0)
  const matching = list.filter((s) => {
    const text = `${s.siteName} ${s.customer} ${s.targetSsid} ${s.fileName}`.toLowerCase()
    return words.every((w) => text.includes(w))
  })
  const sign = sort.direction === 'asc' ? 1 : -1
  return matching.sort(
    (a, b) =>
      // Unreadable files go last whatever the sort: they have no values to sort by.
      Number(a.error !== null) - Number(b.error !== null) ||
      sign * compareSummaries(a, b, sort.key) ||
      compareSummaries(b, a, 'updatedAt')
  )
}

/** The next sort after clicking a column header: same column flips, a new column starts ascending (dates: newest first). */
export function nextSort(current: LibrarySort, key: LibrarySortKey): LibrarySort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
  return { key, direction: key === 'updatedAt' ? 'desc' : 'asc' }
}

/** Plain-words label of a verdict; null (not judged, unreadable) is a dash. */
export function verdictLabel(verdict: Verdict | null): string {
  return verdict === null ? '—' : VERDICT_LABEL[verdict]
}

/** Plain-words label of a finding result. */
export function resultLabel(result: FindingResult): string {
  return RESULT_LABEL[result]
}

const RESULT_ORDER: Readonly<Record<FindingResult, number>> = { fail: 0, unknown: 1, warn: 2, pass: 3 }

/** Findings worst first (fail, unknown, warn, pass), keeping the engine's order within a result. */
export function findingsWorstFirst(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RESULT_ORDER[a.f.result] - RESULT_ORDER[b.f.result] || a.i - b.i)
    .map(({ f }) => f)
}

/** A location's findings as the survey page shows them (see groupFindings). */
export interface FindingGroups {
  /** Fail, unknown and warn findings, worst first: what needs doing. */
  readonly attention: readonly Finding[]
  /** The connectivity findings while no firewall run counts for the location: one to-do, not one card each. */
  readonly notChecked: readonly Finding[]
  /** Passes, folded into one line. */
  readonly passed: readonly Finding[]
}

/**
 * Splits findings for the survey page: what needs attention first, the connectivity requirements
 * folded into one "run the firewall check here" when no run counts for this location
 * (`firewallChecked` false; `connectivityIds` are the profile's connectivity group), passes last.
 */
export function groupFindings(findings: readonly Finding[], firewallChecked: boolean, connectivityIds: ReadonlySet<string>): FindingGroups {
  const worstFirst = findingsWorstFirst(findings)
  const unchecked = (f: Finding): boolean => !firewallChecked && connectivityIds.has(f.requirement)
  return {
    attention: worstFirst.filter((f) => f.result !== 'pass' && !unchecked(f)),
    notChecked: worstFirst.filter((f) => f.result !== 'pass' && unchecked(f)),
    passed: worstFirst.filter((f) => f.result === 'pass')
  }
}

/** Counts of findings per result. */
export function resultCounts(findings: readonly Finding[]): Readonly<Record<FindingResult, number>> {
  const counts = { pass: 0, warn: 0, fail: 0, unknown: 0 }
  for (const f of findings) counts[f.result] += 1
  return counts
}

/** One row of a location's measurement history. */
export interface HistoryRow {
  readonly id: string
  readonly takenAt: string
  readonly scanCount: number
  /** BSSes seen (shared/model/bss-identity: one MAC on two bands is two). */
  readonly bssCount: number
  /** BSSes of the target SSID seen. */
  readonly targetBssCount: number
  /** Strongest signal of the target SSID, dBm; null when not seen. */
  readonly bestTargetDbm: number | null
  readonly counts: Readonly<Record<FindingResult, number>>
  readonly latest: boolean
}

/** Everything the survey page shows for one location. */
export interface LocationView {
  readonly location: SurveyLocation
  /** The measurement that counts (latest with a Wi-Fi snapshot), null before the first Measure. */
  readonly latest: Measurement | null
  readonly verdict: VerdictWithReason
  /** Findings of the latest measurement, judged with the current profile, worst first. */
  readonly findings: readonly Finding[]
  /** Newest first. */
  readonly history: readonly HistoryRow[]
}

/**
 * The view of one location from the compliance engine's judgement (`judgeSurvey`): the same
 * verdict and findings the compliance page and the report show, plus the measurement history.
 */
export function locationView(judgement: LocationJudgement, targetSsid: string): LocationView {
  const { location, measurement } = judgement
  const history = judgement.history
    .map(({ measurement: m, findings }): HistoryRow => {
      const bss = groupBss(m.observations)
      const target = targetSsid === '' ? [] : bss.filter((b) => b.ssid === targetSsid)
      const signals = target.map((b) => b.signalDbm).filter((v): v is number => v !== null)
      return {
        id: m.id,
        takenAt: m.takenAt,
        scanCount: m.scanCount,
        bssCount: bss.length,
        targetBssCount: target.length,
        bestTargetDbm: signals.length > 0 ? Math.max(...signals) : null,
        counts: resultCounts(findings),
        latest: m === measurement
      }
    })
    .reverse()
  return {
    location,
    latest: measurement,
    verdict: judgement.verdict,
    findings: findingsWorstFirst(judgement.findings ?? []),
    history
  }
}
