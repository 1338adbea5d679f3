/**
 * User settings kept in localStorage: scans per Measure.
 */
import { createStore } from './create-store'

const SCANS_KEY = 'wc-survey.scansPerMeasure'
/** Scans combined per Measure (issue 4: several scans, default 3). */
export const DEFAULT_SCANS = 3

function readScans(): number {
  try {
    const n = Number(localStorage.getItem(SCANS_KEY))
    return Number.isInteger(n) && n >= 1 && n <= 10 ? n : DEFAULT_SCANS
  } catch {
    // Storage can be unavailable (privacy settings); the default is fine.
    return DEFAULT_SCANS
  }
}

export const settingsStore = createStore<{ readonly scansPerMeasure: number }>({ scansPerMeasure: readScans() })

/** Sets how many scans one Measure combines (1–10). */
export function setScansPerMeasure(n: number): void {
  const scans = Math.min(10, Math.max(1, Math.round(n)))
  settingsStore.set({ scansPerMeasure: scans })
  try {
    localStorage.setItem(SCANS_KEY, String(scans))
  } catch {
    // Not persisted; the setting still holds for this session.
  }
}
