/**
 * Pure selectors turning a survey into what the compliance page draws: the judged matrix, the
 * result counts, and the target SSID's signal per location.
 */
import { knownRequirement, type Finding, type FindingResult, type RequirementId, type StoredRequirementId } from '../../../shared/model/finding'
import type { Survey } from '../../../shared/model/survey'
import { judgedRequirements, judgeSurvey, PROFILE, type Requirement, type SurveyJudgement } from '../../../shared/requirements'
import { targetSignal } from '../../../shared/requirements/target-signal'

/** Columns of the matrix: the judged requirements with their profile entries, grouped. */
export interface MatrixColumn {
  readonly id: RequirementId
  readonly requirement: Requirement
}

export const MATRIX_COLUMNS: readonly MatrixColumn[] = judgedRequirements(PROFILE).map((id) => {
  const requirement = PROFILE.requirements.find((r) => r.id === id)
  // judgedRequirements lists the profile's own entries, so this cannot miss.
  if (requirement === undefined) throw new Error(`requirement ${id} missing from the profile`)
  return { id, requirement }
})

/** One row: a location and its finding per requirement (null row findings: never measured). */
export interface MatrixRow {
  readonly locationId: string
  readonly name: string
  readonly verdict: SurveyJudgement['locations'][number]['verdict']
  readonly measuredAt: string | null
  /** By requirement ID; empty when never measured. */
  /** Keyed by the finding's ID: the matrix reads its columns' (known) IDs. */
  readonly cells: ReadonlyMap<StoredRequirementId, Finding>
  readonly measured: boolean
}

/** The target SSID's signal at one location, for the chart. */
export interface SignalRow {
  readonly locationId: string
  readonly name: string
  /** The reading WIFI-SIGNAL judges (strongest 2.4 GHz BSS of the target SSID), dBm; null when not heard or not measured. */
  readonly dbm: number | null
  /** The WIFI-SIGNAL result, null when never measured. */
  readonly result: FindingResult | null
  readonly derived: boolean
}

export interface ComplianceModel {
  readonly judgement: SurveyJudgement
  readonly rows: readonly MatrixRow[]
  readonly counts: Readonly<Record<FindingResult, number>>
  readonly signal: readonly SignalRow[]
  /** Requirement IDs of judged findings this build does not know (a newer version wrote them), first seen first: the matrix's last columns. */
  readonly newerRequirements: readonly StoredRequirementId[]
}

/** Everything the page shows, judged with the current profile. */
export function complianceModel(survey: Survey): ComplianceModel {
  const judgement = judgeSurvey(PROFILE, survey)
  const counts: Record<FindingResult, number> = { pass: 0, warn: 0, fail: 0, unknown: 0 }
  const rows = judgement.locations.map((l): MatrixRow => {
    for (const f of l.findings ?? []) counts[f.result] += 1
    return {
      locationId: l.location.id,
      name: l.location.name,
      verdict: l.verdict,
      measuredAt: l.measurement?.takenAt ?? null,
      cells: new Map((l.findings ?? []).map((f) => [f.requirement, f])),
      measured: l.findings !== null
    }
  })
  const signal = judgement.locations.map((l): SignalRow => {
    const best = l.measurement ? targetSignal(l.measurement.observations, survey.targetSsid) : null
    return {
      locationId: l.location.id,
      name: l.location.name,
      dbm: best?.signalDbm ?? null,
      result: l.findings?.find((f) => f.requirement === 'WIFI-SIGNAL')?.result ?? null,
      derived: best?.signalDerived ?? false
    }
  })
  const newerRequirements = [...new Set(rows.flatMap((r) => [...r.cells.keys()]).filter((id) => knownRequirement(id) === null))]
  return { judgement, rows, counts, signal, newerRequirements }
}

/** The cell to open first: the first fail, else unknown, else warn, in matrix order; null if none. */
export function firstProblem(rows: readonly MatrixRow[]): { locationId: string; requirement: RequirementId } | null {
  for (const wanted of ['fail', 'unknown', 'warn'] as const) {
    for (const row of rows) {
      for (const col of MATRIX_COLUMNS) {
        if (row.cells.get(col.id)?.result === wanted) return { locationId: row.locationId, requirement: col.id }
      }
    }
  }
  return null
}

/** A glyph per result, so the matrix is readable without colour (and in grey print). */
export const RESULT_GLYPH: Readonly<Record<FindingResult, string>> = { pass: '✓', warn: '!', fail: '✕', unknown: '?' }
