/**
 * Pure edits of the survey map, each a recipe for `updateSurvey` (like survey-edits.ts): levels,
 * plans, scale, units, where each location is, and survey points between stalls.
 */
import type { Survey } from '../../../shared/model/survey'
import type { LengthUnit, Level, Plan, PlanPoint, PlanScale, PointMeasurement, SurveyPoint } from '../../../shared/model/survey-map'

type Recipe = (s: Survey) => Survey

function withMap(s: Survey, patch: Partial<Survey['map']>): Survey {
  return { ...s, map: { ...s.map, ...patch } }
}

function patchLevel(id: string, patch: Partial<Omit<Level, 'id'>>): Recipe {
  return (s) => withMap(s, { levels: s.map.levels.map((l) => (l.id === id ? { ...l, ...patch } : l)) })
}

/** Appends a level with no plan. */
export function addLevel(id: string, name: string): Recipe {
  return (s) => withMap(s, { levels: [...s.map.levels, { id, name, plan: null, scale: null }] })
}

/** Renames a level. */
export function renameLevel(id: string, name: string): Recipe {
  return patchLevel(id, { name })
}

/** Removes a level: its locations become unplaced (they and their measurements stay), its survey points go. */
export function removeLevel(id: string): Recipe {
  return (s) => ({
    ...withMap(s, { levels: s.map.levels.filter((l) => l.id !== id), points: s.map.points.filter((p) => p.levelId !== id) }),
    locations: s.locations.map((l) => (l.placement?.levelId === id ? { ...l, placement: null } : l))
  })
}

/**
 * Puts a plan on a level. A plan of another size drops the scale (its two points were on the old
 * image); positions are kept, so pins can be dragged to where they belong on the new plan.
 */
export function setPlan(levelId: string, plan: Plan): Recipe {
  return (s) => {
    const old = s.map.levels.find((l) => l.id === levelId)?.plan
    const sameSize = old !== undefined && old !== null && old.widthPx === plan.widthPx && old.heightPx === plan.heightPx
    return patchLevel(levelId, sameSize ? { plan } : { plan, scale: null })(s)
  }
}

/** Sets (or clears) a level's scale. */
export function setScale(levelId: string, scale: PlanScale | null): Recipe {
  return patchLevel(levelId, { scale })
}

/** Sets the unit distances are shown and typed in. */
export function setUnits(units: LengthUnit): Recipe {
  return (s) => (s.map.units === units ? s : withMap(s, { units }))
}

/** Pins a location on a level's plan (or, with a null position, only puts it on the level). */
export function placeLocation(locationId: string, levelId: string, position: PlanPoint | null): Recipe {
  return (s) => ({ ...s, locations: s.locations.map((l) => (l.id === locationId ? { ...l, placement: { levelId, position } } : l)) })
}

/** Takes a location off the map (its measurements stay). */
export function unplaceLocation(locationId: string): Recipe {
  return (s) => ({ ...s, locations: s.locations.map((l) => (l.id === locationId ? { ...l, placement: null } : l)) })
}

/** Adds a survey point (not a stall) on a level. */
export function addPoint(id: string, levelId: string, position: PlanPoint): Recipe {
  const point: SurveyPoint = { id, levelId, position, measurements: [] }
  return (s) => withMap(s, { points: [...s.map.points, point] })
}

/** Moves a survey point. */
export function movePoint(id: string, position: PlanPoint): Recipe {
  return (s) => withMap(s, { points: s.map.points.map((p) => (p.id === id ? { ...p, position } : p)) })
}

/** Removes a survey point and its measurements. */
export function removePoint(id: string): Recipe {
  return (s) => withMap(s, { points: s.map.points.filter((p) => p.id !== id) })
}

/** Appends a scan snapshot to a survey point (never judged). Unchanged when the point was removed meanwhile. */
export function addPointMeasurement(pointId: string, measurement: PointMeasurement): Recipe {
  return (s) =>
    s.map.points.some((p) => p.id === pointId)
      ? withMap(s, { points: s.map.points.map((p) => (p.id === pointId ? { ...p, measurements: [...p.measurements, measurement] } : p)) })
      : s
}
