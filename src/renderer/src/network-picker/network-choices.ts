/**
 * The networks the technician can pick as the chargers' SSID (issue 16 item 2): those heard in the
 * latest scan, one per SSID with its bands, strongest signal and security, strongest first.
 * Pure: unit-tested in test/renderer/network-picker.
 */
import type { Observation } from '../../../shared/model/observation'
import type { Survey } from '../../../shared/model/survey'
import { latestMeasurement } from '../../../shared/requirements/judge'
import { defaultTableQuery, selectTableGroups } from '../live/selectors'

/** One pickable network. `ssid` is what the survey stores (exact, raw); `label` is for display. */
export interface NetworkChoice {
  readonly ssid: string
  /** The SSID through visibleText: hidden characters shown, never applied. */
  readonly label: string
  /** "2.4", "2.4 + 5", "—" when no band was reported. */
  readonly bands: string
  readonly bestSignalDbm: number | null
  /** Security of its BSSes, the strongest BSS's first ("WPA2 · CCMP", "Open"). */
  readonly security: string
  readonly bssCount: number
}

/** A scan to pick from: its observations, when it was taken (ms) and where it comes from. */
export interface ScanSource {
  readonly observations: readonly Observation[]
  readonly at: number
  /** "the live scan", "the measurement at P1 – stall 3", "the scan just taken". */
  readonly label: string
}

export interface NetworkChoices {
  readonly choices: readonly NetworkChoice[]
  /** BSSes that broadcast no name: they cannot be listed; their name must be typed. */
  readonly hiddenCount: number
  /** BSSes whose name the OS withheld (macOS without Location Services). */
  readonly redactedCount: number
}

/** The scan's networks, one per SSID, strongest first; hidden and withheld names counted apart. */
export function selectNetworkChoices(observations: readonly Observation[]): NetworkChoices {
  const entries = observations.map((observation, i) => ({ key: String(i), observation, firstSeen: 0, lastSeen: 0 }))
  // The live table's grouping and order (by strongest BSS, rows strongest first), no target pinned.
  const groups = selectTableGroups(entries, defaultTableQuery, '')
  const choices: NetworkChoice[] = []
  let hiddenCount = 0
  let redactedCount = 0
  for (const g of groups) {
    if (g.kind === 'hidden') hiddenCount += g.rows.length
    else if (g.kind === 'redacted') redactedCount += g.rows.length
    else {
      const ssid = g.rows[0]?.entry.observation.ssid
      if (ssid === null || ssid === undefined) continue
      choices.push({
        ssid,
        label: g.label,
        bands: g.bands,
        bestSignalDbm: g.bestSignalDbm,
        security: [...new Set(g.rows.map((r) => r.security))].join(', '),
        bssCount: g.rows.length
      })
    }
  }
  return { choices, hiddenCount, redactedCount }
}

/** The survey's newest measurement (any location) as a scan source; null before the first Measure. */
export function newestMeasurementScan(survey: Survey | null): ScanSource | null {
  let best: ScanSource | null = null
  for (const location of survey?.locations ?? []) {
    const m = latestMeasurement(location)
    if (m === null) continue
    const at = Date.parse(m.takenAt)
    if (best === null || at > best.at) best = { observations: m.observations, at, label: `the measurement at ${location.name || 'an unnamed location'}` }
  }
  return best
}

/** The newest of the given scans (null ones and empty ones skipped). */
export function latestScan(sources: readonly (ScanSource | null)[]): ScanSource | null {
  let best: ScanSource | null = null
  for (const s of sources) if (s !== null && s.observations.length > 0 && (best === null || s.at > best.at)) best = s
  return best
}
