/**
 * Map edits (issue 11 items 1–3): levels, plans, scale, placement and survey points; pure recipes.
 */
import { describe, expect, it } from 'vitest'
import { addLevel, addPoint, addPointMeasurement, movePoint, placeLocation, removeLevel, setPlan, setScale, unplaceLocation } from '../../../src/renderer/src/map/map-edits'
import type { Survey } from '../../../src/shared/model/survey'
import type { Plan } from '../../../src/shared/model/survey-map'
import { judgeSurvey, PROFILE } from '../../../src/shared/requirements'
import { locationPins, unpinnedLocations } from '../../../src/shared/map/pins'
import { makeLocation, makeMeasurement, makeObservation, makeSurvey } from '../../support/survey-builders'

const plan = (w: number, h: number): Plan => ({ fileName: 'p.png', mediaType: 'image/png', widthPx: w, heightPx: h, data: '' })

describe('map edits', () => {
  const base = makeSurvey({ locations: [makeLocation({ id: 'a', name: 'Stall A' }), makeLocation({ id: 'b', name: 'Stall B' })] })

  it('adds a level, pins a location, moves it; the other stays unplaced', () => {
    let s = addLevel('p1', 'P1')(base)
    s = setPlan('p1', plan(800, 600))(s)
    s = placeLocation('a', 'p1', { x: 10, y: 20 })(s)
    s = placeLocation('a', 'p1', { x: 400, y: 300 })(s)
    expect(s.locations.map((l) => l.placement)).toEqual([{ levelId: 'p1', position: { x: 400, y: 300 } }, null])
    expect(unpinnedLocations(s).map((l) => l.id)).toEqual(['b'])
    expect(unpinnedLocations(unplaceLocation('a')(s)).map((l) => l.id)).toEqual(['a', 'b'])
  })

  it('a plan of another size drops the scale (its points were on the old image); the same size keeps it', () => {
    let s = setPlan('p1', plan(800, 600))(addLevel('p1', 'P1')(base))
    s = setScale('p1', { a: { x: 0, y: 0 }, b: { x: 100, y: 0 }, metres: 5 })(s)
    expect(setPlan('p1', { ...plan(800, 600), fileName: 'new.png' })(s).map.levels[0]?.scale).not.toBeNull()
    expect(setPlan('p1', plan(1600, 1200))(s).map.levels[0]?.scale).toBeNull()
  })

  it('removing a level unplaces its locations (measurements kept) and removes its survey points', () => {
    let s: Survey = { ...base, locations: [makeLocation({ id: 'a', measurements: [makeMeasurement()] })] }
    s = placeLocation('a', 'p1', { x: 1, y: 1 })(addLevel('p1', 'P1')(s))
    s = addPoint('w', 'p1', { x: 5, y: 5 })(s)
    const after = removeLevel('p1')(s)
    expect(after.map).toEqual({ units: 'm', levels: [], points: [] })
    expect(after.locations[0]?.placement).toBeNull()
    expect(after.locations[0]?.measurements).toHaveLength(1)
  })

  it('survey points are measured and moved, and never become locations or verdicts', () => {
    let s = placeLocation('a', 'p1', { x: 1, y: 1 })(addLevel('p1', 'P1')(base))
    s = addPoint('w', 'p1', { x: 5, y: 5 })(s)
    s = addPointMeasurement('w', { id: 'm', takenAt: '', scanCount: 3, observations: [makeObservation({ signalDbm: -90 })] })(s)
    s = movePoint('w', { x: 50, y: 60 })(s)
    expect(s.map.points).toEqual([{ id: 'w', levelId: 'p1', position: { x: 50, y: 60 }, measurements: [expect.objectContaining({ id: 'm' })] }])
    expect(addPointMeasurement('gone', { id: 'x', takenAt: '', scanCount: 1, observations: [] })(s)).toBe(s)
    // The -90 dBm point does not touch the survey's verdict: the two unmeasured stalls make it incomplete.
    const j = judgeSurvey(PROFILE, s)
    expect(j.locations.map((l) => l.verdict.verdict)).toEqual(['incomplete', 'incomplete'])
    expect(locationPins(s, j, 'p1').map((p) => [p.id, p.glyph, p.word, p.dbm])).toEqual([['a', '?', 'Incomplete', null]])
  })
})
