/**
 * The pure migration chain for survey documents: each step turns version N into N + 1, in
 * memory only (the file is rewritten on the next save, never on load).
 *
 * Version history:
 * - v1 (first field release): `site.billing: boolean` (true = billed charging), no `profile`
 *   (surveys were judged against the one built-in profile), locations without `cellularNote`.
 * - v2: `site.billingMode: 'free' | 'billed'`, `profile: { id, version }`,
 *   `location.cellularNote` (SITE-PHONE).
 * - v3: `resurveyOf: { surveyId, surveyCreatedAt, lineageId } | null`, the link from a
 *   re-survey to the survey it repeats (issue 12). Every older survey is a first survey: null.
 * - v4: `location.watches`, the stall watched over time (issue 14, WIFI-STABLE). No
 *   older survey has one: empty.
 * - v5: the survey map (issue 11): `map: { units, levels, points }` (levels with their
 *   embedded floor plans and scale, survey points between stalls) and `location.placement`
 *   (level and plan position). An older survey has no levels and its locations are unplaced.
 * - v6: requirement IDs (findings, probe checks) and scan sources (observations) are
 *   strings, no longer closed lists, so a file from a later build with one more rule or scanner
 *   opens (issue 17 item 4; shown as "unknown (written by a newer version)", never as a pass).
 *   Every v5 value is a valid v6 value: only the version changes. The bump is what makes a v5 build
 *   say "made by a newer version, update the app" for such a file instead of "damaged".
 * - v7: `chargers: [{ id, locationId, reading }]`, the installed Wall Connectors' own
 *   readings with the stall each serves, and `calibration: { laptopMarginDb, source, n, setAt } |
 *   null`, the survey's laptop-vs-charger margin (issue 13). No older survey read a charger.
 * - v8: `location.photos`, photos of the stall kept in the file (issue 16 item 8). No
 *   older survey has one: empty.
 * - v9 (current): `site.timeZone`, the site's IANA zone the report shows times in (issue 16 item
 *   7), and an observation's optional `deviceName`, the access point's own name (WPS "Device
 *   name", item 6). Nobody recorded an older survey's zone: null (the report says UTC, never a
 *   guess); its observations simply have no device name.
 */
import { SURVEY_SCHEMA_VERSION } from '../../shared/model/survey'

type Json = Record<string, unknown>

/** The profile v1 surveys were judged with. Frozen here: migrations describe history, not today. */
const V1_PROFILE_ID = 'wall-connector-network'

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** v1 → v2: billing flag becomes a mode, the implicit profile becomes explicit, cellularNote added. */
function v1ToV2(doc: Json): Json {
  const site = isObject(doc.site) ? doc.site : {}
  const { billing, ...restSite } = site
  const locations = Array.isArray(doc.locations) ? doc.locations : []
  // The profile version a v1 survey was judged with is the one its latest measurement recorded.
  let profileVersion = 'unknown'
  for (const location of locations) {
    const measurements = isObject(location) && Array.isArray(location.measurements) ? location.measurements : []
    for (const m of measurements) {
      if (isObject(m) && typeof m.profileVersion === 'string') profileVersion = m.profileVersion
    }
  }
  return {
    ...doc,
    schemaVersion: 2,
    site: { ...restSite, billingMode: billing === true ? 'billed' : 'free' },
    profile: { id: V1_PROFILE_ID, version: profileVersion },
    locations: locations.map((location) => (isObject(location) ? { cellularNote: '', ...location } : location))
  }
}

/** v2 → v3: no survey written before v3 was a re-survey. */
function v2ToV3(doc: Json): Json {
  return { ...doc, schemaVersion: 3, resurveyOf: null }
}

/** v3 → v4: no stall was watched before v4. */
function v3ToV4(doc: Json): Json {
  const locations = Array.isArray(doc.locations) ? doc.locations : []
  return { ...doc, schemaVersion: 4, locations: locations.map((location) => (isObject(location) ? { ...location, watches: [] } : location)) }
}

/** v4 → v5: no survey had a map before v5; every location is unplaced. */
function v4ToV5(doc: Json): Json {
  const locations = Array.isArray(doc.locations) ? doc.locations : []
  return {
    ...doc,
    schemaVersion: 5,
    map: { units: 'm', levels: [], points: [] },
    locations: locations.map((location) => (isObject(location) ? { ...location, placement: null } : location))
  }
}

/** v5 → v6: the closed lists became strings; every v5 ID and source is still one. */
function v5ToV6(doc: Json): Json {
  return { ...doc, schemaVersion: 6 }
}

/** v6 → v7: no charger was read before v7, and no margin calibrated. */
function v6ToV7(doc: Json): Json {
  return { ...doc, schemaVersion: 7, chargers: [], calibration: null }
}

/** v7 → v8: no location had a photo before v8. */
function v7ToV8(doc: Json): Json {
  const locations = Array.isArray(doc.locations) ? doc.locations : []
  return { ...doc, schemaVersion: 8, locations: locations.map((location) => (isObject(location) ? { ...location, photos: [] } : location)) }
}

/** v8 → v9: an older survey's time zone is unknown (not the zone of whoever opens it). */
function v8ToV9(doc: Json): Json {
  const site = isObject(doc.site) ? doc.site : {}
  return { ...doc, schemaVersion: 9, site: { ...site, timeZone: null } }
}

/** Step from version N (the key) to N + 1. */
const steps: Readonly<Record<number, (doc: Json) => Json>> = { 1: v1ToV2, 2: v2ToV3, 3: v3ToV4, 4: v4ToV5, 5: v5ToV6, 6: v6ToV7, 7: v7ToV8, 8: v8ToV9 }

/** The oldest schema version this build can still read. */
export const OLDEST_SUPPORTED_VERSION = 1

/**
 * Migrates a parsed document of `fromVersion` up to the current version.
 *
 * Pure: returns a new object and never touches its input. Throws only for a version with no
 * step, which the loader rules out first.
 */
export function migrateSurvey(doc: Json, fromVersion: number): Json {
  let current = doc
  for (let version = fromVersion; version < SURVEY_SCHEMA_VERSION; version++) {
    const step = steps[version]
    if (!step) throw new Error(`No migration from survey schema version ${version}.`)
    current = step(current)
  }
  return current
}
