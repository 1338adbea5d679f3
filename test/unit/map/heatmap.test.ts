/**
 * The heatmap (issue 11 item 4): IDW between measured points, banded by WIFI-SIGNAL's
 * thresholds, exact at a measured point, unmeasured beyond the radius. Expectations worked out by
 * hand from the inputs.
 */
import { describe, expect, it } from 'vitest'
import { BAND, bandOf, cellSizeFor, computeHeatmap, paintHeatmap, type HeatmapInput } from '../../../src/shared/map/heatmap'
import { heatPoints, heatRadiusPx, measuredSpots, NOT_HEARD_DBM } from '../../../src/shared/map/heat-points'
import type { Level } from '../../../src/shared/model/survey-map'
import { makeLocation, makeMeasurement, makeObservation, makeSurvey } from '../../support/survey-builders'

const thresholds = { passDbm: -67, warnDbm: -75 }

function bandAt(input: HeatmapInput, x: number, y: number): number {
  const g = computeHeatmap(input)
  return g.bands[Math.floor(y / g.cellPx) * g.cols + Math.floor(x / g.cellPx)] ?? -1
}

describe('bands', () => {
  it('follow WIFI-SIGNAL: pass at -67 dBm or better, warn to -75, fail below', () => {
    expect([-50, -67, -67.5, -75, -75.5, -100].map((d) => bandOf(d, thresholds))).toEqual([BAND.pass, BAND.pass, BAND.warn, BAND.warn, BAND.fail, BAND.fail])
  })
})

describe('computeHeatmap', () => {
  const plan = { widthPx: 100, heightPx: 100, thresholds }

  it('uses 1 px cells on a small plan and 7 px cells on a 6000 × 4000 plan (≤ 500,000 cells)', () => {
    expect(cellSizeFor(100, 100)).toBe(1)
    expect(cellSizeFor(6000, 4000)).toBe(7) // √(24 M / 0.5 M) = 6.93
    const g = computeHeatmap({ widthPx: 6000, heightPx: 4000, points: [], radiusPx: 100, thresholds })
    expect([g.cols, g.rows, g.cols * g.rows <= 500_000]).toEqual([858, 572, true])
  })

  it('paints nothing beyond the radius of the nearest measured point', () => {
    const input = { ...plan, points: [{ x: 20, y: 20, dbm: -60 }], radiusPx: 10 }
    expect(bandAt(input, 20, 20)).toBe(BAND.pass)
    expect(bandAt(input, 27, 20)).toBe(BAND.pass) // centre 27.5: 7.5 px away
    expect(bandAt(input, 35, 20)).toBe(BAND.unmeasured) // centre 35.5: 15.5 px away
    expect(bandAt(input, 90, 90)).toBe(BAND.unmeasured)
    expect(computeHeatmap({ ...plan, points: [], radiusPx: 10 }).bands.every((b) => b === BAND.unmeasured)).toBe(true)
  })

  it('weights by 1/d² between two points, and is exact at each', () => {
    // A (10, 50) -60 dBm, B (90, 50) -80 dBm. Cell (49, 49), centre (49.5, 49.5): dA ≈ 39.5, dB ≈ 40.5,
    // weights 1/1560 and 1/1640 → (-60·0.641 - 80·0.610) / 1.251 ≈ -69.8 dBm: warn.
    const input = { ...plan, points: [{ x: 10, y: 50, dbm: -60 }, { x: 90, y: 50, dbm: -80 }], radiusPx: 60 }
    expect(bandAt(input, 49, 49)).toBe(BAND.warn)
    expect(bandAt(input, 10, 50)).toBe(BAND.pass)
    expect(bandAt(input, 90, 50)).toBe(BAND.fail)
    // Closer to A (x = 30): dA ≈ 20, dB ≈ 60 → weights 9:1 → -62 dBm: pass.
    expect(bandAt(input, 30, 50)).toBe(BAND.pass)
  })

  it('finds points in neighbouring buckets (a radius larger than the distance to the bucket edge)', () => {
    // Radius 30: buckets are 30 px. A point at (31, 31) (bucket 1,1) reaches the cell at (5, 5)? No: 36.8 px.
    // It reaches (10, 31) (bucket 0,1): 21 px.
    const input = { ...plan, points: [{ x: 31, y: 31, dbm: -80 }], radiusPx: 30 }
    expect(bandAt(input, 10, 31)).toBe(BAND.fail)
    expect(bandAt(input, 5, 5)).toBe(BAND.unmeasured)
  })

  it('paints one RGBA pixel per cell from the palette', () => {
    const g = { cols: 2, rows: 1, cellPx: 1, bands: new Uint8Array([BAND.unmeasured, BAND.fail]) }
    const palette = { 0: [0, 0, 0, 0], 1: [0, 255, 0, 255], 2: [255, 255, 0, 255], 3: [255, 0, 0, 200] } as const
    expect([...paintHeatmap(g, palette)]).toEqual([0, 0, 0, 0, 255, 0, 0, 200])
  })

  it('hatches unmeasured cells: diagonals (col + row) mod 6 < 2 take the stripe colour', () => {
    const g = { cols: 4, rows: 2, cellPx: 1, bands: new Uint8Array([0, 0, 0, 1, 0, 0, 0, 0]) }
    const palette = { 0: [0, 0, 0, 0], 1: [0, 255, 0, 255], 2: [255, 255, 0, 255], 3: [255, 0, 0, 200] } as const
    const alpha = [...paintHeatmap(g, palette, [9, 9, 9, 99])].filter((_, i) => i % 4 === 3)
    // Row 0: cols 0,1 stripe (0, 1), col 2 plain (2), col 3 measured. Row 1: cols 0 (1) stripe, 1..3 (2, 3, 4) plain.
    expect(alpha).toEqual([99, 99, 0, 255, 99, 0, 0, 0])
  })
})

describe('heat points of a level', () => {
  const level: Level = { id: 'p1', name: 'P1', plan: { fileName: 'p.png', mediaType: 'image/png', widthPx: 1200, heightPx: 600, data: '' }, scale: null }
  const heard = (dbm: number) => makeMeasurement({ observations: [makeObservation({ signalDbm: dbm })] })
  const survey = makeSurvey({
    locations: [
      makeLocation({ id: 'a', measurements: [heard(-80), heard(-61)], placement: { levelId: 'p1', position: { x: 100, y: 100 } } }),
      makeLocation({ id: 'b', measurements: [heard(-50)], placement: { levelId: 'p1', position: null } }), // not pinned
      makeLocation({ id: 'c', measurements: [], placement: { levelId: 'p1', position: { x: 5, y: 5 } } }), // not measured
      makeLocation({ id: 'd', measurements: [heard(-50)], placement: { levelId: 'p2', position: { x: 5, y: 5 } } }), // other level
      makeLocation({ id: 'e', measurements: [makeMeasurement({ observations: [makeObservation({ ssid: 'Other' })] })], placement: { levelId: 'p1', position: { x: 300, y: 20 } } })
    ],
    map: {
      units: 'm',
      levels: [level],
      points: [
        { id: 'w1', levelId: 'p1', position: { x: 600, y: 300 }, measurements: [{ id: 'pm', takenAt: '', scanCount: 1, observations: [makeObservation({ signalDbm: -72 })] }] },
        { id: 'w2', levelId: 'p1', position: { x: 700, y: 300 }, measurements: [] }
      ]
    }
  })

  it('takes pinned, measured stalls (latest measurement) and measured survey points of the level', () => {
    expect(measuredSpots(survey, 'p1')).toEqual([
      { kind: 'location', id: 'a', position: { x: 100, y: 100 }, dbm: -61 },
      { kind: 'location', id: 'e', position: { x: 300, y: 20 }, dbm: null },
      { kind: 'point', id: 'w1', position: { x: 600, y: 300 }, dbm: -72 }
    ])
    expect(heatPoints(survey, 'p1').map((p) => p.dbm)).toEqual([-61, NOT_HEARD_DBM, -72])
  })

  it('reaches 10 m with a scale, a twelfth of the longer side without', () => {
    expect(heatRadiusPx(level)).toBe(100)
    expect(heatRadiusPx({ ...level, scale: { a: { x: 0, y: 0 }, b: { x: 0, y: 400 }, metres: 20 } })).toBe(200)
  })
})
