/**
 * Before/after survey pairs built from the shipped sample (Harbour Point Garage), each edit
 * named: the site's IT person set P2 stall 14's access point to 20 MHz (no secondary channel;
 * it also moved closer: -75 → -65 dBm) and turned TKIP on at P1 stall 3's; the technician renamed
 * P3 stall 2, added P1 stall 5 and dropped P2 stall 20.
 */
import type { Observation } from '../../src/shared/model/observation'
import type { Survey, SurveyLocation } from '../../src/shared/model/survey'
import { makeResurvey } from '../../src/shared/compare/resurvey'
import { buildSampleSurvey } from '../../scripts/make-sample-survey'

export const TARGET_BSS = {
  p1Stall3: '22:33:44:55:66:77',
  p2Stall14: '33:44:55:66:77:88',
  p2Stall20: '5e:4c:9b:8e:46:d2'
}

/** The sample as shipped: the older survey. */
export function originalSurvey(): Survey {
  return buildSampleSurvey()
}

function edit(observations: readonly Observation[], bssid: string, change: (o: Observation) => Observation): Observation[] {
  let hit = 0
  const out = observations.map((o) => {
    if (o.bssid !== bssid) return o
    hit += 1
    return change(o)
  })
  // A pair that edits nothing would test nothing.
  if (hit === 0) throw new Error(`no observation of ${bssid} to edit`)
  return out
}

/**
 * `location` measured again: a new latest measurement whose observations are the last one's
 * through `change`. Earlier measurements stay, so the firewall and phone probe runs at P1 (which
 * every location's NET-* and SITE-PHONE findings use) are the same on both visits.
 */
function remeasured(location: SurveyLocation, at: string, change: (obs: readonly Observation[]) => Observation[]): SurveyLocation {
  const last = location.measurements.at(-1)
  if (last === undefined) throw new Error(`${location.name} has no measurement to repeat`)
  const again = { ...last, id: `${last.id}-again`, takenAt: at, probe: null, observations: change(last.observations) }
  return { ...location, measurements: [...location.measurements, again] }
}

function byId(survey: Survey, id: string): SurveyLocation {
  const l = survey.locations.find((x) => x.id === id)
  if (l === undefined) throw new Error(`sample has no location ${id}`)
  return l
}

/** The second visit's locations, in the order the technician listed them. */
function secondVisit(original: Survey, renamedP3: string): SurveyLocation[] {
  const at = '2026-12-01T10:00:00.000Z'
  const p1 = remeasured(byId(original, 'loc-p1-stall-3'), at, (obs) =>
    edit(obs, TARGET_BSS.p1Stall3, (o) => ({ ...o, security: { ...o.security, pairwiseCiphers: ['TKIP', 'CCMP'], groupCipher: 'TKIP' } }))
  )
  const p2 = remeasured(byId(original, 'loc-p2-stall-14'), at, (obs) => edit(obs, TARGET_BSS.p2Stall14, (o) => ({ ...o, channelWidthMhz: 20, secondaryChannelOffset: 'none', signalDbm: -65 })))
  const p3 = { ...remeasured(byId(original, 'loc-p3-stall-2'), at, (obs) => [...obs]), name: renamedP3 }
  const p3s7 = byId(original, 'loc-p3-stall-7')
  const added: SurveyLocation = { id: 'loc-p1-stall-5', name: 'Level P1 – stall 5', notes: '', cellularNote: '', measurements: [], watches: [], placement: null, photos: [] }
  return [p1, p2, p3, p3s7, added]
}

/**
 * Linked: "Re-survey this site" of the sample, then the second visit. P3 stall 2 is renamed
 * beyond recognition ("P3 ramp – bay 2"), so only its identity matches it.
 */
export function linkedPair(): { older: Survey; newer: Survey } {
  const older = originalSurvey()
  const base = makeResurvey(older, { id: 'resurvey-1', now: '2026-12-01T09:00:00.000Z', profile: older.profile })
  return { older, newer: { ...base, locations: secondVisit(older, 'P3 ramp – bay 2') } }
}

/**
 * Unlinked: a survey created from scratch on the second visit (new IDs, no link). P3 stall 2 is
 * typed "level p3 - Stall  2" (case, dash and spaces differ), and P2 stall 20 is kept, now with its
 * channel width reported (20 MHz: WIFI-WIDTH unknown → pass).
 */
export function unlinkedPair(): { older: Survey; newer: Survey } {
  const older = originalSurvey()
  const visit = secondVisit(older, 'level p3 - Stall  2')
  const p2s20 = remeasured(byId(older, 'loc-p2-stall-20'), '2026-12-01T10:00:00.000Z', (obs) =>
    edit(obs, TARGET_BSS.p2Stall20, (o) => ({ ...o, channelWidthMhz: 20 }))
  )
  const locations = [...visit, p2s20].map((l, i) => ({ ...l, id: `fresh-${i + 1}` }))
  return {
    older,
    newer: { ...older, id: 'fresh-survey', createdAt: '2026-12-01T09:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z', resurveyOf: null, locations }
  }
}
