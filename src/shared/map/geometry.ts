/**
 * Plan geometry: plan pixels to metres through a level's scale, metres to the survey's unit, and
 * where a location is in metres (what `wc-survey check --json` and the report print).
 *
 * Pure: no Node, DOM or Electron.
 */
import type { Survey, SurveyLocation } from '../model/survey'
import type { LengthUnit, Level, PlanPoint, PlanScale } from '../model/survey-map'

/** Metres in one international foot. */
export const METRES_PER_FOOT = 0.3048

/** Metres per plan pixel of a scale; null when its two points coincide. */
export function metresPerPixel(scale: PlanScale): number | null {
  const px = Math.hypot(scale.b.x - scale.a.x, scale.b.y - scale.a.y)
  return px > 0 ? scale.metres / px : null
}

/** A plan position in metres from the plan's top-left corner; null without a (usable) scale. */
export function toMetres(level: Level, position: PlanPoint): PlanPoint | null {
  const mpp = level.scale === null ? null : metresPerPixel(level.scale)
  return mpp === null ? null : { x: position.x * mpp, y: position.y * mpp }
}

/** A distance in metres in the survey's unit. */
export function fromMetres(metres: number, unit: LengthUnit): number {
  return unit === 'm' ? metres : metres / METRES_PER_FOOT
}

/** A distance typed in the survey's unit, in metres. */
export function toMetresFromUnit(value: number, unit: LengthUnit): number {
  return unit === 'm' ? value : value * METRES_PER_FOOT
}

/** A distance for people: "12.5 m", "41 ft". */
export function formatDistance(metres: number, unit: LengthUnit): string {
  const v = fromMetres(metres, unit)
  // Number() drops trailing zeros: "12.50" → 12.5.
  return `${Number(v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2))} ${unit}`
}

/** The level a location is on; null when unplaced or its level was removed. */
export function levelOf(survey: Survey, location: SurveyLocation): Level | null {
  const id = location.placement?.levelId
  return id === undefined ? null : (survey.map.levels.find((l) => l.id === id) ?? null)
}

/** A location's level name and position in metres (null when unplaced, unpinned or unscaled). */
export function locationWhere(survey: Survey, location: SurveyLocation): { readonly level: string | null; readonly position: PlanPoint | null } {
  const level = levelOf(survey, location)
  const position = location.placement?.position ?? null
  return { level: level?.name ?? null, position: level === null || position === null ? null : toMetres(level, position) }
}

/**
 * A "nice" scale-bar length for a view: the largest 1, 2 or 5 × 10ⁿ (in the survey's unit) whose
 * bar is at most `maxPx` screen pixels at `metresPerScreenPx`.
 */
export function scaleBarLength(metresPerScreenPx: number, maxPx: number, unit: LengthUnit): { readonly value: number; readonly px: number } {
  const maxUnits = fromMetres(metresPerScreenPx * maxPx, unit)
  const pow = 10 ** Math.floor(Math.log10(maxUnits))
  const value = [5, 2, 1].map((m) => m * pow).find((v) => v <= maxUnits) ?? pow
  return { value, px: toMetresFromUnit(value, unit) / metresPerScreenPx }
}
