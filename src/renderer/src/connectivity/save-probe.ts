/**
 * Saving a probe run into a location: it becomes the probe of the location's latest measurement
 * (or of a new measurement without Wi-Fi data when none exists), and that measurement's findings
 * are judged again, so the run counts in the location's verdict by billing mode.
 */
import type { ProbeRun } from '../../../shared/model/probe'
import type { Measurement, Survey } from '../../../shared/model/survey'
import { evaluateLocation, PROFILE_VERSION } from '../../../shared/requirements'

/** A recipe for `updateSurvey`: attach `run` to location `locationId`'s latest measurement. */
export function saveProbeToLocation(locationId: string, run: ProbeRun, newId: () => string): (s: Survey) => Survey {
  return (survey) => {
    const location = survey.locations.find((l) => l.id === locationId)
    if (!location) return survey
    const judge = (m: Measurement): Measurement => ({
      ...m,
      probe: run,
      findings: evaluateLocation({ observations: m.observations, targetSsid: survey.targetSsid, billingMode: survey.site.billingMode, probe: run }),
      profileVersion: PROFILE_VERSION
    })
    const latest = location.measurements.at(-1)
    const measurements = latest
      ? [...location.measurements.slice(0, -1), judge(latest)]
      : [judge({ id: newId(), takenAt: run.finishedAt ?? run.startedAt, scanCount: 0, observations: [], findings: [], profileVersion: PROFILE_VERSION, probe: null })]
    return { ...survey, locations: survey.locations.map((l) => (l.id === locationId ? { ...l, measurements } : l)) }
  }
}
