/**
 * A survey: one site, one target network, the planned charger locations and what was measured at
 * each. Stored as one JSON document (`.wcsurvey`) with `schemaVersion`.
 */
import { z } from 'zod'
import { observationSchema } from './observation'
import { findingSchema } from './finding'
import { probeRunSchema } from './probe'
import { watchRecordSchema } from './watch'
import { placementSchema, surveyMapSchema } from './survey-map'
import { chargerReadingSchema } from './charger'
import { PHOTO_LIMITS, photoSchema } from './photo'
import { TEXT_LIMITS } from './text-limits'

/** The schema version this build writes. Older versions are migrated on load (main/survey). */
export const SURVEY_SCHEMA_VERSION = 9

export const billingModeSchema = z.enum(['free', 'billed'])
export type BillingMode = z.infer<typeof billingModeSchema>

export const siteSchema = z.object({
  name: z.string().max(TEXT_LIMITS.siteName),
  address: z.string().max(TEXT_LIMITS.siteAddress),
  customer: z.string().max(TEXT_LIMITS.customer),
  technician: z.string().max(TEXT_LIMITS.technician),
  billingMode: billingModeSchema,
  notes: z.string().max(TEXT_LIMITS.siteNotes),
  /**
   * The site's IANA time zone ("Europe/Berlin"): the report shows every time in it, with its
   * offset. Null in a survey made before v8, whose zone nobody recorded: shown in UTC, said so.
   */
  timeZone: z.string().max(64).nullable()
})
export type Site = Readonly<z.infer<typeof siteSchema>>

export const measurementSchema = z.object({
  id: z.string().max(64),
  takenAt: z.string().max(40),
  /** Number of scans combined into this snapshot. */
  scanCount: z.number().int().min(0),
  observations: z.array(observationSchema).readonly(),
  findings: z.array(findingSchema).readonly(),
  /** Requirement profile version the findings were judged with. */
  profileVersion: z.string().max(40),
  /** Firewall probe run taken at this location, if any. */
  probe: probeRunSchema.nullable().default(null)
})
export type Measurement = Readonly<z.infer<typeof measurementSchema>>

export const locationSchema = z.object({
  id: z.string().max(64),
  /** e.g. "Level P2 – stall 14" */
  name: z.string().max(TEXT_LIMITS.locationName),
  notes: z.string().max(TEXT_LIMITS.locationNotes),
  /** Technician's note of the cellular signal at the stall (SITE-PHONE). */
  cellularNote: z.string().max(TEXT_LIMITS.cellularNote).default(''),
  /** Oldest first; the latest measurement counts. */
  measurements: z.array(measurementSchema).readonly(),
  /** Watches of this stall over time (WIFI-STABLE), oldest first; the latest counts. */
  watches: z.array(watchRecordSchema).readonly(),
  /** Level and plan position (the survey map); null until the location is put on a level. */
  placement: placementSchema.nullable(),
  /** Photos of the stall (mounting wall, nearest access point, phone screenshot), in the order added. */
  photos: z.array(photoSchema).max(PHOTO_LIMITS.perLocation).readonly()
})
export type SurveyLocation = Readonly<z.infer<typeof locationSchema>>

/**
 * The link from a re-survey to the survey it repeats. Locations keep their IDs across re-surveys,
 * so two surveys of one lineage are compared location by location by ID.
 */
export const resurveyLinkSchema = z.object({
  /** ID of the survey this one re-surveys. */
  surveyId: z.string().max(64),
  /** When that survey was created: names it even when its file is gone. */
  surveyCreatedAt: z.string().max(40),
  /** ID of the first survey of the chain (the origin's own lineage), shared by every re-survey. */
  lineageId: z.string().max(64)
})
export type ResurveyLink = Readonly<z.infer<typeof resurveyLinkSchema>>

/** An installed Wall Connector read during the survey, and the stall it serves. */
export const installedChargerSchema = z.object({
  id: z.string().max(64),
  /** The location (stall) it is assigned to; null while not assigned. */
  locationId: z.string().max(64).nullable(),
  /** The latest reading (re-reading replaces it). */
  reading: chargerReadingSchema
})
export type InstalledCharger = Readonly<z.infer<typeof installedChargerSchema>>

/** The survey's laptop-vs-charger margin, set by the user from the chargers' own readings. */
export const calibrationSchema = z.object({
  /** Subtracted from the laptop's reading for WIFI-SIGNAL (dB): the median of laptop − charger RSSI. */
  laptopMarginDb: z.number().min(-40).max(40),
  /** Where it came from, in words (e.g. "median of laptop − charger RSSI at 3 stalls"). */
  source: z.string().max(300),
  /** How many stalls it was computed from. */
  n: z.number().int().min(0),
  setAt: z.string().max(40)
})
export type Calibration = Readonly<z.infer<typeof calibrationSchema>>

export const surveySchema = z.object({
  schemaVersion: z.literal(SURVEY_SCHEMA_VERSION),
  id: z.string().max(64),
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
  site: siteSchema,
  targetSsid: z.string().max(TEXT_LIMITS.targetSsid),
  profile: z.object({ id: z.string().max(64), version: z.string().max(40) }),
  /** Set on a re-survey ("Re-survey this site"); null on a first survey. */
  resurveyOf: resurveyLinkSchema.nullable(),
  locations: z.array(locationSchema).readonly(),
  /** Levels with their plans, and the survey points between stalls. */
  map: surveyMapSchema,
  /** Installed chargers read through their own API (issue 13); empty before installation. */
  chargers: z.array(installedChargerSchema).readonly(),
  /** The calibrated margin; null: the profile's default margin applies. */
  calibration: calibrationSchema.nullable()
})
export type Survey = Readonly<z.infer<typeof surveySchema>>

/** One row of the survey library page. */
export interface SurveySummary {
  readonly path: string
  readonly fileName: string
  readonly id: string
  readonly siteName: string
  readonly customer: string
  readonly targetSsid: string
  readonly createdAt: string
  readonly updatedAt: string
  /** The re-survey chain the survey belongs to (its first survey's ID); '' when unreadable. */
  readonly lineageId: string
  readonly locationCount: number
  /** Filled by the compliance engine; null when the file could not be judged. */
  readonly verdict: import('./finding').Verdict | null
  /** Set when the file could not be read; the row then says why. */
  readonly error: string | null
}
