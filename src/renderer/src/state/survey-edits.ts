/**
 * Pure edits of a survey, each a recipe for `updateSurvey` (survey-store.ts). They never touch
 * `updatedAt`: the store bumps it once per edit.
 */
import type { Observation } from '../../../shared/model/observation'
import type { ChargerReading } from '../../../shared/model/charger'
import type { Photo } from '../../../shared/model/photo'
import type { Calibration, InstalledCharger, Measurement, Site, Survey, SurveyLocation } from '../../../shared/model/survey'
import { judgeStored, PROFILE } from '../../../shared/requirements'

/** A random id for a new location or measurement (UUID where the platform has it). */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  // Insecure contexts (plain http on a LAN name) lack randomUUID; getRandomValues is always there.
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Changes some of the site's fields. */
export function setSite(patch: Partial<Site>): (s: Survey) => Survey {
  return (s) => ({ ...s, site: { ...s.site, ...patch } })
}

/** Sets the network the chargers will join. */
export function setTargetSsid(ssid: string): (s: Survey) => Survey {
  return (s) => ({ ...s, targetSsid: ssid })
}

/** Appends a location with no measurements. */
export function addLocation(id: string, name: string): (s: Survey) => Survey {
  const location: SurveyLocation = { id, name, notes: '', cellularNote: '', measurements: [], watches: [], placement: null, photos: [] }
  return (s) => ({ ...s, locations: [...s.locations, location] })
}

/** Changes some of one location's editable fields. */
export function patchLocation(
  id: string,
  patch: Partial<Pick<SurveyLocation, 'name' | 'notes' | 'cellularNote'>>
): (s: Survey) => Survey {
  return (s) => ({ ...s, locations: s.locations.map((l) => (l.id === id ? { ...l, ...patch } : l)) })
}

/** Removes one location and everything measured there. */
export function removeLocation(id: string): (s: Survey) => Survey {
  return (s) => ({ ...s, locations: s.locations.filter((l) => l.id !== id) })
}

/**
 * Appends a measurement to a location: the history is kept, the latest counts (issue 4 item 4).
 * Unchanged survey when the location was removed meanwhile.
 */
export function appendMeasurement(locationId: string, measurement: Measurement): (s: Survey) => Survey {
  return (s) =>
    s.locations.some((l) => l.id === locationId)
      ? {
          ...s,
          locations: s.locations.map((l) =>
            l.id === locationId ? { ...l, measurements: [...l.measurements, measurement] } : l
          )
        }
      : s
}

/** What a Measure adds to a location besides the scan itself. */
export interface MeasurementInput {
  readonly id: string
  readonly takenAt: string
  readonly scanCount: number
  readonly observations: readonly Observation[]
}

/**
 * A recipe for `updateSurvey`: the snapshot appended to location `locationId` as a measurement,
 * judged there (judgeMeasurement, with the probe runs that count for the location), so the stored
 * findings are those the page shows. Unchanged survey when the location was removed meanwhile.
 */
export function addMeasurement(locationId: string, input: MeasurementInput): (s: Survey) => Survey {
  const measurement: Measurement = { ...input, findings: [], profileVersion: PROFILE.version, probe: null }
  return (s) => judgeStored(PROFILE, appendMeasurement(locationId, measurement)(s), locationId, measurement.id)
}

/**
 * Adds a charger reading, or replaces the reading of the same charger (same serial number, else
 * same host and port); its stall assignment is kept. `id` names a new one.
 */
export function upsertChargerReading(reading: ChargerReading, id: string): (s: Survey) => Survey {
  return (s) => {
    const same = (c: InstalledCharger): boolean =>
      reading.serialNumber !== null ? c.reading.serialNumber === reading.serialNumber : c.reading.serialNumber === null && c.reading.host === reading.host && c.reading.port === reading.port
    const existing = s.chargers.find(same)
    if (existing) return { ...s, chargers: s.chargers.map((c) => (c === existing ? { ...c, reading } : c)) }
    return { ...s, chargers: [...s.chargers, { id, locationId: null, reading }] }
  }
}

/** Assigns a charger to a stall (null: unassigned). A stall serves one charger: any other there is unassigned. */
export function assignCharger(chargerId: string, locationId: string | null): (s: Survey) => Survey {
  return (s) => ({
    ...s,
    chargers: s.chargers.map((c) => (c.id === chargerId ? { ...c, locationId } : locationId !== null && c.locationId === locationId ? { ...c, locationId: null } : c))
  })
}

/** Removes a charger's reading from the survey. */
export function removeCharger(chargerId: string): (s: Survey) => Survey {
  return (s) => ({ ...s, chargers: s.chargers.filter((c) => c.id !== chargerId) })
}

/** Sets (or clears, with null) the survey's calibrated laptop-vs-charger margin. */
export function setCalibration(calibration: Calibration | null): (s: Survey) => Survey {
  return (s) => ({ ...s, calibration })
}

/** Appends a photo to a location. Unchanged survey when the location was removed meanwhile. */
export function addPhoto(locationId: string, photo: Photo): (s: Survey) => Survey {
  return (s) => ({ ...s, locations: s.locations.map((l) => (l.id === locationId ? { ...l, photos: [...l.photos, photo] } : l)) })
}

/** Changes a photo's caption or kind. */
export function patchPhoto(locationId: string, photoId: string, patch: Partial<Pick<Photo, 'caption' | 'kind'>>): (s: Survey) => Survey {
  return (s) => ({
    ...s,
    locations: s.locations.map((l) => (l.id === locationId ? { ...l, photos: l.photos.map((p) => (p.id === photoId ? { ...p, ...patch } : p)) } : l))
  })
}

/** Removes one photo of a location. */
export function removePhoto(locationId: string, photoId: string): (s: Survey) => Survey {
  return (s) => ({ ...s, locations: s.locations.map((l) => (l.id === locationId ? { ...l, photos: l.photos.filter((p) => p.id !== photoId) } : l)) })
}
