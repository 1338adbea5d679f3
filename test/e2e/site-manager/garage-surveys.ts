/**
 * Surveys for the site manager's browser tests, derived from the report fixture (real captured
 * BSSes): "six stalls on two levels" where every stall has Level P2 – stall 14's measurement
 * (its access points run 40 MHz on 2.4 GHz, so WIFI-WIDTH fails) and the first stall carries
 * Level P1 – stall 3's firewall probe run.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { surveySchema, type Survey, type SurveyLocation } from '../../../src/shared/model/survey'
import { PROJECT_ROOT } from '../support/server'

export const SAMPLE_PATH = join(PROJECT_ROOT, 'test', 'fixtures', 'report', 'report-sample.wcsurvey')

export function loadSample(): Survey {
  return surveySchema.parse(JSON.parse(readFileSync(SAMPLE_PATH, 'utf8')))
}

export const SIX_STALL_NAMES = ['Level P1 – stall 1', 'Level P1 – stall 2', 'Level P1 – stall 3', 'Level P2 – stall 4', 'Level P2 – stall 5', 'Level P2 – stall 6'] as const

function byId(survey: Survey, id: string): SurveyLocation {
  const l = survey.locations.find((x) => x.id === id)
  if (l === undefined) throw new Error(`report fixture lacks ${id}`)
  return l
}

/** Six stalls, WIFI-WIDTH failing at each; `names` replaces the stall names (same count). */
export function sixStalls(options: { id?: string; siteName?: string; names?: readonly string[] } = {}): Survey {
  const sample = loadSample()
  const wide = byId(sample, 'loc-p2-stall-14').measurements[0]
  const probed = byId(sample, 'loc-p1-stall-3').measurements[0]
  if (wide === undefined || probed === undefined) throw new Error('report fixture lacks its measurements')
  const names = options.names ?? SIX_STALL_NAMES
  const locations = names.map((name, i) => ({
    ...byId(sample, 'loc-p2-stall-14'),
    id: `loc-six-${i + 1}`,
    name,
    notes: '',
    measurements: [{ ...wide, id: `m-six-${i + 1}`, takenAt: `2026-11-18T09:${String(10 + i * 5)}:00.000Z`, probe: i === 0 ? probed.probe : null }]
  }))
  return {
    ...sample,
    id: options.id ?? 'six-stalls-0000-4000-8000-000000000006',
    site: { ...sample.site, name: options.siteName ?? 'Harbour Point Garage – six stalls' },
    locations
  }
}
