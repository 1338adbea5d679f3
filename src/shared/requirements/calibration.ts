/**
 * Laptop-vs-charger calibration: where a stall has both a laptop measurement and its charger's own
 * reading, laptop RSSI − charger RSSI says how much better the laptop hears the network than the
 * charger does there. The site's median of those differences (with n) is what the user may set as
 * the survey's margin; WIFI-SIGNAL then judges the laptop's reading minus that margin.
 */
import type { Calibration, Survey } from '../model/survey'
import { chargerAt } from './charger-rules'
import { latestMeasurement } from './judge'
import { targetSignal } from './target-signal'

/** One stall with both readings. */
export interface CalibrationRow {
  readonly locationId: string
  readonly locationName: string
  readonly serialNumber: string | null
  /** The laptop's deciding reading of the target network (WIFI-SIGNAL's), dBm. */
  readonly laptopDbm: number
  /** The charger's own wifi_rssi, dBm. */
  readonly chargerDbm: number
  /** laptop − charger, dB (positive: the laptop hears the network better). */
  readonly differenceDb: number
}

/**
 * Every stall where both readings exist, in location order. A charger on another network than the
 * target (WC-NETWORK fails) hears other access points than the laptop's reading: not compared.
 */
export function calibrationRows(survey: Survey): CalibrationRow[] {
  return survey.locations.flatMap((location): CalibrationRow[] => {
    const charger = chargerAt(survey, location.id)
    const onTarget = charger !== null && charger.reading.wifi.ssid === survey.targetSsid
    const chargerDbm = onTarget ? charger.reading.wifi.rssiDbm : null
    const measurement = latestMeasurement(location)
    const laptop = measurement === null ? null : targetSignal(measurement.observations, survey.targetSsid)
    if (charger === null || chargerDbm === null || laptop === null) return []
    return [
      {
        locationId: location.id,
        locationName: location.name,
        serialNumber: charger.reading.serialNumber,
        laptopDbm: laptop.signalDbm,
        chargerDbm,
        differenceDb: Math.round((laptop.signalDbm - chargerDbm) * 10) / 10
      }
    ]
  })
}

/** The median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const at = (i: number): number => sorted[i] ?? Number.NaN // callers pass a non-empty list: i is always in range
  const value = sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2
  return Math.round(value * 10) / 10
}

/** What the survey's rows suggest: the median difference and n; null with no stall to calibrate on. */
export interface CalibrationSuggestion {
  readonly rows: readonly CalibrationRow[]
  readonly medianDb: number
  readonly n: number
}

export function suggestCalibration(survey: Survey): CalibrationSuggestion | null {
  const rows = calibrationRows(survey)
  if (rows.length === 0) return null
  return { rows, medianDb: median(rows.map((r) => r.differenceDb)), n: rows.length }
}

/** The calibration record the user confirms setting from a suggestion. */
export function calibrationFrom(suggestion: CalibrationSuggestion, setAt: string): Calibration {
  return {
    laptopMarginDb: suggestion.medianDb,
    source: `median of laptop − charger RSSI at ${suggestion.n} stall${suggestion.n === 1 ? '' : 's'}`,
    n: suggestion.n,
    setAt
  }
}

/** The margin WIFI-SIGNAL uses for a survey: its calibration's, else the profile's default. */
export function marginInUse(survey: Survey, defaultDb: number): number {
  return survey.calibration?.laptopMarginDb ?? defaultDb
}
