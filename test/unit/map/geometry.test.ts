/**
 * Plan geometry (issue 11 items 2 and 7): pixels to metres through the scale, units, scale bar.
 */
import { describe, expect, it } from 'vitest'
import { formatDistance, fromMetres, locationWhere, metresPerPixel, scaleBarLength, toMetres, toMetresFromUnit } from '../../../src/shared/map/geometry'
import type { Level } from '../../../src/shared/model/survey-map'
import { makeLocation, makeSurvey } from '../../support/survey-builders'

const level: Level = { id: 'p1', name: 'P1', plan: null, scale: { a: { x: 100, y: 100 }, b: { x: 400, y: 500 }, metres: 25 } }

describe('scale', () => {
  it('turns plan pixels into metres: 500 px (a 300-400-500 triangle) = 25 m is 0.05 m/px', () => {
    expect(metresPerPixel(level.scale!)).toBeCloseTo(0.05, 12)
    expect(toMetres(level, { x: 200, y: 60 })).toEqual({ x: 10, y: 3 })
  })

  it('gives no distance without a scale or when both points coincide', () => {
    expect(toMetres({ ...level, scale: null }, { x: 1, y: 1 })).toBeNull()
    expect(metresPerPixel({ a: { x: 5, y: 5 }, b: { x: 5, y: 5 }, metres: 3 })).toBeNull()
  })

  it('converts feet (0.3048 m) both ways and formats distances', () => {
    expect(toMetresFromUnit(100, 'ft')).toBeCloseTo(30.48, 10)
    expect(fromMetres(30.48, 'ft')).toBeCloseTo(100, 10)
    expect(formatDistance(12.5, 'm')).toBe('12.5 m')
    expect(formatDistance(3.048, 'ft')).toBe('10 ft')
    expect(formatDistance(0.25, 'm')).toBe('0.25 m')
    expect(formatDistance(123.4, 'm')).toBe('123 m')
  })

  it('picks a round scale-bar length (1, 2, 5 × 10ⁿ) that fits', () => {
    // 0.1 m per screen px, at most 160 px: 16 m fits, the round length is 10 m = 100 px.
    expect(scaleBarLength(0.1, 160, 'm')).toEqual({ value: 10, px: 100 })
    // 0.05 m/px, 160 px = 8 m: 5 m = 100 px.
    expect(scaleBarLength(0.05, 160, 'm')).toEqual({ value: 5, px: 100 })
    // In feet: 0.3048 m/px, 160 px = 160 ft: 100 ft = 100 px.
    const ft = scaleBarLength(0.3048, 160, 'ft')
    expect(ft.value).toBe(100)
    expect(ft.px).toBeCloseTo(100, 10)
  })
})

describe('locationWhere', () => {
  const survey = makeSurvey({ map: { units: 'm', levels: [level, { id: 'p2', name: 'P2', plan: null, scale: null }], points: [] } })

  it('gives the level name and the position in metres', () => {
    expect(locationWhere(survey, makeLocation({ placement: { levelId: 'p1', position: { x: 400, y: 20 } } }))).toEqual({ level: 'P1', position: { x: 20, y: 1 } })
  })

  it('null position when unscaled or not pinned; null level when unplaced or the level is gone', () => {
    expect(locationWhere(survey, makeLocation({ placement: { levelId: 'p2', position: { x: 1, y: 2 } } }))).toEqual({ level: 'P2', position: null })
    expect(locationWhere(survey, makeLocation({ placement: { levelId: 'p1', position: null } }))).toEqual({ level: 'P1', position: null })
    expect(locationWhere(survey, makeLocation())).toEqual({ level: null, position: null })
    expect(locationWhere(survey, makeLocation({ placement: { levelId: 'gone', position: { x: 1, y: 1 } } }))).toEqual({ level: null, position: null })
  })
})
