/**
 * Compare page and report selectors: what each location's row says, the filters, the library's
 * grouping by site. Expectations by hand from the sample pairs (test/support/survey-pairs.ts).
 */
import { describe, expect, it } from 'vitest'
import { compareSurveys } from '../../../src/shared/compare/compare-surveys'
import { makeResurvey } from '../../../src/shared/compare/resurvey'
import type { SurveySummary } from '../../../src/shared/model/survey'
import { PROFILE } from '../../../src/shared/requirements'
import { filteredLocations, kindCounts, locationChangeView } from '../../../src/renderer/src/compare/change-view'
import { groupBySite } from '../../../src/shared/compare/site-groups'
import { linkedPair, originalSurvey } from '../../support/survey-pairs'

const pair = linkedPair()
const c = compareSurveys(PROFILE, pair.older, pair.newer)

describe('change view', () => {
  it('filters: regressions only is P1 stall 3 (WIFI-SEC); fixed only is P2 stall 14', () => {
    expect(filteredLocations(c, 'regressed').map((v) => v.change.name)).toEqual(['Level P1 – stall 3'])
    expect(filteredLocations(c, 'fixed').map((v) => v.change.name)).toEqual(['Level P2 – stall 14'])
    expect(filteredLocations(c, 'all')).toHaveLength(4)
  })

  it('a row lists what is not still passing, or says in one sentence why there is nothing to list', () => {
    const [p1, p2, p3, p3s7] = filteredLocations(c, 'all')
    expect(p1?.notable.map((x) => `${x.requirement} ${x.kind}`)).toEqual(['WIFI-SEC regressed'])
    expect(p1?.note).toBeNull()
    expect(p2?.notable.map((x) => `${x.requirement} ${x.kind}`)).toEqual(['WIFI-WIDTH fixed', 'WIFI-SIGNAL fixed'])
    expect(p3?.notable.map((x) => `${x.requirement} ${x.kind}`)).toEqual(['WIFI-SIGNAL still-failing'])
    expect(p3s7?.note).toBe('Not measured in either survey.')
  })

  it('a stall not measured again yet, and one measured for the first time', () => {
    const fresh = makeResurvey(originalSurvey(), { id: 'r', now: '2026-12-01T09:00:00.000Z', profile: pair.older.profile })
    const gone = compareSurveys(PROFILE, pair.older, fresh).locations[0]
    expect(gone && locationChangeView(gone)).toMatchObject({ notable: [], note: 'Not measured in the newer survey yet.' })
    const added = compareSurveys(PROFILE, fresh, pair.older).locations[1]
    // P2 stall 14 measured for the first time: what does not pass there (WIFI-WIDTH fail, WIFI-SIGNAL and SITE-PHONE warn).
    const view = added && locationChangeView(added)
    expect(view?.note).toBe('Measured for the first time in the newer survey.')
    expect(view?.notable.map((x) => `${x.requirement} ${x.new ?? ''}`)).toEqual(['WIFI-WIDTH fail', 'WIFI-SIGNAL warn', 'SITE-PHONE warn'])
  })

  it('counts by kind', () => {
    expect(kindCounts(c)).toMatchObject({ fixed: 2, regressed: 1, 'still-failing': 1, changed: 0, new: 0, gone: 0 })
  })
})

function row(o: Partial<SurveySummary>): SurveySummary {
  return {
    path: `/s/${o.fileName ?? 'x'}`,
    fileName: 'x.wcsurvey',
    id: 'x',
    siteName: 'Site',
    customer: '',
    targetSsid: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    lineageId: 'x',
    locationCount: 0,
    verdict: null,
    error: null,
    ...o
  }
}

describe('groupBySite', () => {
  it('keeps a re-survey chain and same-named sites together, newest first; others and unreadable files alone', () => {
    const rows = [
      row({ fileName: 'mall.wcsurvey', id: 'm', lineageId: 'm', siteName: 'Mall' }),
      row({ fileName: 'first.wcsurvey', id: 'a', lineageId: 'a', siteName: 'Harbour Point Garage', createdAt: '2026-11-18T09:00:00.000Z' }),
      row({ fileName: 'broken.wcsurvey', id: '', lineageId: '', siteName: 'broken', error: 'damaged' }),
      // Renamed in the re-survey: still the same chain.
      row({ fileName: 'second.wcsurvey', id: 'b', lineageId: 'a', siteName: 'Harbour Point (north)', createdAt: '2026-12-01T09:00:00.000Z' }),
      // Created from scratch, same site typed differently: grouped by name.
      row({ fileName: 'third.wcsurvey', id: 'c', lineageId: 'c', siteName: 'harbour point - garage', createdAt: '2026-12-05T09:00:00.000Z' })
    ]
    expect(groupBySite(rows).map((g) => g.rows.map((r) => r.fileName))).toEqual([
      ['mall.wcsurvey'],
      ['third.wcsurvey', 'second.wcsurvey', 'first.wcsurvey'],
      ['broken.wcsurvey']
    ])
  })
})
