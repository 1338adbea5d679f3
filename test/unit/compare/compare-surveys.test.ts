/**
 * Before/after comparison on survey pairs built from the sample; every expected change is
 * written by hand from the edit the pair makes (see test/support/survey-pairs.ts).
 */
import { describe, expect, it } from 'vitest'
import {
  changeKind,
  comparisonSummaryLine,
  compareSurveys,
  normaliseName,
  orderByAge,
  type LocationChange,
  type RequirementChange
} from '../../../src/shared/compare/compare-surveys'
import { makeResurvey } from '../../../src/shared/compare/resurvey'
import { PROFILE } from '../../../src/shared/requirements'
import { linkedPair, originalSurvey, unlinkedPair } from '../../support/survey-pairs'

/** Judged with the current profile, as the app and the CLI do. */
/** Every requirement the profile judges at a location (SITE-BILLING only weighs others; WC-* come from a charger). */
const JUDGED = PROFILE.requirements.filter((r) => r.id !== 'SITE-BILLING' && r.group !== 'charger') // no charger was read in these surveys: no WC-*

/** The changes that are not "still passing", as `ID kind old→new`. */
function notStillPassing(l: LocationChange | undefined): string[] {
  return (l?.changes ?? []).filter((c) => c.kind !== 'still-passing').map((c) => `${c.requirement} ${c.kind} ${c.old ?? 'null'}→${c.new ?? 'null'}`)
}

function byName(locations: readonly LocationChange[], name: string): LocationChange | undefined {
  return locations.find((l) => l.name === name)
}

describe('changeKind', () => {
  it.each([
    ['fail', 'pass', 'fixed'],
    ['fail', 'warn', 'fixed'],
    ['warn', 'pass', 'fixed'],
    ['pass', 'fail', 'regressed'],
    ['pass', 'warn', 'regressed'],
    ['warn', 'fail', 'regressed'],
    ['fail', 'fail', 'still-failing'],
    ['unknown', 'unknown', 'still-failing'],
    ['pass', 'pass', 'still-passing'],
    ['warn', 'warn', 'still-passing'],
    ['unknown', 'pass', 'changed'],
    ['unknown', 'fail', 'changed'],
    ['pass', 'unknown', 'changed'],
    [null, 'pass', 'new'],
    ['fail', null, 'gone'],
    [null, null, null]
  ] as const)('%s → %s: %s', (old, now, kind) => {
    expect(changeKind(old, now)).toBe(kind)
  })
})

describe('normaliseName', () => {
  it('ignores case, runs of spaces and the kind of dash', () => {
    expect(normaliseName('Level P2 – stall 14')).toBe('level p2 stall 14')
    expect(normaliseName('level p2 - Stall  14 ')).toBe('level p2 stall 14')
    expect(normaliseName('LEVEL P2—stall\u00a014')).toBe('level p2 stall 14')
    expect(normaliseName('Level P2 – stall 1')).not.toBe(normaliseName('Level P2 – stall 14'))
  })
})

describe('a linked re-survey: width fixed, cipher broken, a stall renamed, one added, one removed', () => {
  const { older, newer } = linkedPair()
  const c = compareSurveys(PROFILE, older, newer)

  it('matches by identity, in the newer survey\'s order, and lists the unmatched by name', () => {
    expect(c.linked).toBe(true)
    expect(c.warnings).toEqual([])
    expect(c.locations.map((l) => [l.name, l.oldName, l.matchedBy])).toEqual([
      ['Level P1 – stall 3', 'Level P1 – stall 3', 'identity'],
      ['Level P2 – stall 14', 'Level P2 – stall 14', 'identity'],
      ['P3 ramp – bay 2', 'Level P3 – stall 2', 'identity'],
      ['Level P3 – stall 7', 'Level P3 – stall 7', 'identity']
    ])
    expect(c.unmatched).toEqual({ old: ['Level P2 – stall 20'], new: ['Level P1 – stall 5'] })
  })

  it('P1 stall 3: TKIP turned on is a WIFI-SEC regression; ready → not ready', () => {
    const l = byName(c.locations, 'Level P1 – stall 3')
    expect(notStillPassing(l)).toEqual(['WIFI-SEC regressed pass→fail'])
    expect(l?.changes).toHaveLength(JUDGED.length - 1) // not watched on either visit: no WIFI-STABLE
    expect(l?.verdict).toEqual({ old: 'ready', new: 'not-ready' })
    expect(l?.signal).toEqual({ oldDbm: -42, newDbm: -42 })
    expect(l?.signalDeltaDb).toBe(0)
  })

  it('P2 stall 14: 20 MHz fixes WIFI-WIDTH, -65 dBm fixes WIFI-SIGNAL (+10 dB); SITE-PHONE still warns', () => {
    const l = byName(c.locations, 'Level P2 – stall 14')
    expect(notStillPassing(l)).toEqual(['WIFI-WIDTH fixed fail→pass', 'WIFI-SIGNAL fixed warn→pass'])
    expect(l?.changes.find((x) => x.requirement === 'SITE-PHONE')).toEqual<RequirementChange>({ requirement: 'SITE-PHONE', old: 'warn', new: 'warn', kind: 'still-passing' })
    expect(l?.verdict).toEqual({ old: 'not-ready', new: 'ready-with-warnings' })
    expect(l?.signalDeltaDb).toBe(10)
  })

  it('the renamed P3 stall 2: WIFI-SIGNAL still failing at -81 dBm', () => {
    const l = byName(c.locations, 'P3 ramp – bay 2')
    expect(notStillPassing(l)).toEqual(['WIFI-SIGNAL still-failing fail→fail'])
    expect(l?.verdict).toEqual({ old: 'not-ready', new: 'not-ready' })
    expect(l?.signal).toEqual({ oldDbm: -81, newDbm: -81 })
  })

  it('P3 stall 7, never measured on either visit: no changes, incomplete both times', () => {
    const l = byName(c.locations, 'Level P3 – stall 7')
    expect(l?.changes).toEqual([])
    expect(l?.verdict).toEqual({ old: 'incomplete', new: 'incomplete' })
    expect(l?.signalDeltaDb).toBeNull()
  })

  it('counts and the summary line', () => {
    expect(c.summary).toEqual({ fixed: 2, regressed: 1, stillFailing: 1 })
    expect(comparisonSummaryLine(c)).toBe('2 fixed, 1 regressed at Level P1 – stall 3: WIFI-SEC, 1 still failing')
  })

  it('judges both afresh: stored findings that say otherwise do not decide', () => {
    const lying = {
      ...newer,
      locations: newer.locations.map((l) => ({ ...l, measurements: l.measurements.map((m) => ({ ...m, findings: [] })) }))
    }
    expect(compareSurveys(PROFILE, older, lying).summary).toEqual({ fixed: 2, regressed: 1, stillFailing: 1 })
  })
})

describe('an unlinked second survey: matched by normalised name', () => {
  const { older, newer } = unlinkedPair()
  const c = compareSurveys(PROFILE, older, newer)

  it('matches "level p3 - Stall  2" to "Level P3 – stall 2"; the added stall stays unmatched', () => {
    expect(c.linked).toBe(false)
    expect(c.locations.map((l) => [l.name, l.matchedBy])).toEqual([
      ['Level P1 – stall 3', 'name'],
      ['Level P2 – stall 14', 'name'],
      ['level p3 - Stall  2', 'name'],
      ['Level P3 – stall 7', 'name'],
      ['Level P2 – stall 20', 'name']
    ])
    expect(c.unmatched).toEqual({ old: [], new: ['Level P1 – stall 5'] })
  })

  it('P2 stall 20: width now reported, WIFI-WIDTH unknown → pass is "changed"; incomplete → ready with warnings', () => {
    const l = byName(c.locations, 'Level P2 – stall 20')
    expect(notStillPassing(l)).toEqual(['WIFI-WIDTH changed unknown→pass'])
    expect(l?.verdict).toEqual({ old: 'incomplete', new: 'ready-with-warnings' })
  })

  it('counts the same fixes and regression as the linked pair', () => {
    expect(c.summary).toEqual({ fixed: 2, regressed: 1, stillFailing: 1 })
  })
})

describe('a fresh re-survey against its origin', () => {
  const older = originalSurvey()
  const newer = makeResurvey(older, { id: 'r', now: '2026-12-01T09:00:00.000Z', profile: older.profile })

  it('keeps every location by identity; what was measured is "no longer measured" until measured again', () => {
    const c = compareSurveys(PROFILE, older, newer)
    expect(c.unmatched).toEqual({ old: [], new: [] })
    expect(c.locations.map((l) => l.matchedBy)).toEqual(['identity', 'identity', 'identity', 'identity', 'identity'])
    const stall3 = byName(c.locations, 'Level P1 – stall 3')
    expect(new Set(stall3?.changes.map((x) => x.kind))).toEqual(new Set(['gone']))
    expect(stall3?.changes).toHaveLength(JUDGED.length - 1) // not watched: no WIFI-STABLE
    expect(stall3?.verdict).toEqual({ old: 'ready', new: 'incomplete' })
    expect(c.summary).toEqual({ fixed: 0, regressed: 0, stillFailing: 0 })
  })

  it('the other way round, everything is "newly measured"', () => {
    const c = compareSurveys(PROFILE, newer, older)
    const stall14 = byName(c.locations, 'Level P2 – stall 14')
    expect(stall14?.changes.find((x) => x.requirement === 'WIFI-WIDTH')).toEqual({ requirement: 'WIFI-WIDTH', old: null, new: 'fail', kind: 'new' })
  })
})

describe('surveys that differ in site or network', () => {
  it('warns and compares anyway', () => {
    const { older, newer } = unlinkedPair()
    const other = { ...newer, site: { ...newer.site, name: 'Quayside Car Park' }, targetSsid: 'Quay-IoT' }
    const c = compareSurveys(PROFILE, older, other)
    expect(c.warnings).toEqual([
      'These surveys are of different sites ("Harbour Point Garage" and "Quayside Car Park"): compared anyway, location by location.',
      'The target networks differ ("HarbourPoint-EV" in the older survey, "Quay-IoT" in the newer): compared anyway.'
    ])
    expect(c.locations).toHaveLength(5)
  })
})

describe('orderByAge', () => {
  it('puts the earlier-created survey first, whatever the argument order', () => {
    const { older, newer } = linkedPair()
    expect(orderByAge(newer, older)).toEqual({ older, newer })
    expect(orderByAge(older, newer)).toEqual({ older, newer })
  })
})
