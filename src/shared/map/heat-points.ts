/**
 * What a level's heatmap is computed from: every measured point on the level — pinned stalls
 * (their latest measurement) and survey points between stalls — with the target network's
 * deciding 2.4 GHz signal there (the reading WIFI-SIGNAL judges, `targetSignal`).
 *
 * Pure: no Node, DOM or Electron.
 */
import type { Survey } from '../model/survey'
import type { Level, PlanPoint } from '../model/survey-map'
import { targetSignal } from '../requirements/target-signal'
import type { HeatPoint } from './heatmap'
import { metresPerPixel } from './geometry'

/**
 * The reading of a point where the target network was measured and not heard on 2.4 GHz: below
 * every threshold, so the map shows "no coverage" there rather than nothing.
 */
export const NOT_HEARD_DBM = -100

/** How far from a measured point the heatmap reaches, with a scale. */
export const HEAT_RADIUS_M = 10

/** Without a scale: this fraction of the plan's longer side. */
const UNSCALED_RADIUS_FRACTION = 1 / 12

/** The heatmap's reach on a level in plan pixels (10 m when scaled). */
export function heatRadiusPx(level: Level): number {
  const mpp = level.scale === null ? null : metresPerPixel(level.scale)
  if (mpp !== null) return HEAT_RADIUS_M / mpp
  const longer = level.plan === null ? 0 : Math.max(level.plan.widthPx, level.plan.heightPx)
  return longer * UNSCALED_RADIUS_FRACTION
}

/** One measured spot on a level: where, the signal (null: measured, target not heard), and what it is. */
export interface MeasuredSpot {
  readonly kind: 'location' | 'point'
  readonly id: string
  readonly position: PlanPoint
  readonly dbm: number | null
}

/** Every measured spot of a level: pinned locations with a measurement, survey points with one. */
export function measuredSpots(survey: Survey, levelId: string): readonly MeasuredSpot[] {
  const spots: MeasuredSpot[] = []
  for (const l of survey.locations) {
    const latest = l.measurements.at(-1)
    const position = l.placement?.levelId === levelId ? l.placement.position : null
    if (latest === undefined || position === null) continue
    spots.push({ kind: 'location', id: l.id, position, dbm: targetSignal(latest.observations, survey.targetSsid)?.signalDbm ?? null })
  }
  for (const p of survey.map.points) {
    const latest = p.measurements.at(-1)
    if (latest === undefined || p.levelId !== levelId) continue
    spots.push({ kind: 'point', id: p.id, position: p.position, dbm: targetSignal(latest.observations, survey.targetSsid)?.signalDbm ?? null })
  }
  return spots
}

/** The heatmap's input points of a level. */
export function heatPoints(survey: Survey, levelId: string): readonly HeatPoint[] {
  return measuredSpots(survey, levelId).map((s) => ({ x: s.position.x, y: s.position.y, dbm: s.dbm ?? NOT_HEARD_DBM }))
}
