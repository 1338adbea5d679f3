/**
 * Saving a probe run into a location. A run becomes the probe of the location's latest
 * measurement, unless that measurement already holds a run of the other kind (chargers' network
 * vs. the drivers' phone network): then it gets a measurement of its own (no Wi-Fi data), so a
 * phone-network run never replaces the firewall run and the other way round. The measurement is
 * judged again (judgeMeasurement), so the run counts in the location's verdict by billing mode.
 */
import type { ProbeRun } from '../../../shared/model/probe'
import type { Measurement, Survey } from '../../../shared/model/survey'
import { judgeStored, PROFILE } from '../../../shared/requirements'

/** A recipe for `updateSurvey`: attach `run` to location `locationId` (see the module comment). */
export function saveProbeToLocation(locationId: string, run: ProbeRun, newId: () => string): (s: Survey) => Survey {
  return (survey) => {
    const location = survey.locations.find((l) => l.id === locationId)
    if (!location) return survey
    const phone = (p: ProbeRun): boolean => p.context.ssid === PROFILE.parameters.phoneSsid
    const latest = location.measurements.at(-1)
    const reuse = latest !== undefined && (latest.probe === null || phone(latest.probe) === phone(run))
    const target: Measurement = reuse
      ? { ...latest, probe: run }
      : { id: newId(), takenAt: run.finishedAt ?? run.startedAt, scanCount: 0, observations: [], findings: [], profileVersion: PROFILE.version, probe: run }
    const measurements = reuse ? [...location.measurements.slice(0, -1), target] : [...location.measurements, target]
    const updated = { ...survey, locations: survey.locations.map((l) => (l.id === locationId ? { ...l, measurements } : l)) }
    return judgeStored(PROFILE, updated, locationId, target.id)
  }
}
