/**
 * What the map draws for each location on a level: a pin with the verdict's glyph and word (never
 * colour alone), the stall name and the target network's best 2.4 GHz signal — the same verdict
 * and reading as the survey page, the compliance page and the report (judgeSurvey, targetSignal).
 *
 * Pure: no Node, DOM or Electron.
 */
import type { Verdict } from '../model/finding'
import type { Survey } from '../model/survey'
import type { PlanPoint } from '../model/survey-map'
import type { SurveyJudgement } from '../requirements/judge'
import { VERDICT_GLYPH, VERDICT_LABEL } from '../requirements/labels'
import { targetSignal } from '../requirements/target-signal'

/** One pin of a location on the plan. */
export interface LocationPin {
  readonly id: string
  readonly name: string
  readonly position: PlanPoint
  readonly verdict: Verdict
  readonly glyph: string
  readonly word: string
  /** Best 2.4 GHz signal of the target in the latest measurement; null when not measured or not heard. */
  readonly dbm: number | null
  readonly measured: boolean
}

/** The pins of a level, in the survey's location order. */
export function locationPins(survey: Survey, judgement: SurveyJudgement, levelId: string): readonly LocationPin[] {
  const pins: LocationPin[] = []
  for (const j of judgement.locations) {
    const placement = j.location.placement
    if (placement?.levelId !== levelId || placement.position === null) continue
    const verdict = j.verdict.verdict
    pins.push({
      id: j.location.id,
      name: j.location.name,
      position: placement.position,
      verdict,
      glyph: VERDICT_GLYPH[verdict],
      word: VERDICT_LABEL[verdict],
      dbm: j.measurement === null ? null : (targetSignal(j.measurement.observations, survey.targetSsid)?.signalDbm ?? null),
      measured: j.measurement !== null
    })
  }
  return pins
}

/** A pin's signal in words: "-61 dBm", "not heard" (measured, target absent on 2.4 GHz), "not measured". */
export function pinSignalText(pin: Pick<LocationPin, 'dbm' | 'measured'>): string {
  return pin.dbm !== null ? `${pin.dbm} dBm` : pin.measured ? 'target not heard' : 'not measured'
}

/** Locations not pinned on any plan (unplaced, on a level but not pinned, or on a removed level). */
export function unpinnedLocations(survey: Survey): readonly Survey['locations'][number][] {
  const levels = new Set(survey.map.levels.map((l) => l.id))
  return survey.locations.filter((l) => l.placement === null || l.placement.position === null || !levels.has(l.placement.levelId))
}
