/**
 * The map page's UI state (not survey data): the shown level, what a click on the plan does, the
 * selected pin and which overlays are on.
 */
import type { PlanPoint } from '../../../shared/model/survey-map'
import { createStore } from '../state/create-store'

/** What a click on the plan does. */
export type MapMode =
  | { readonly kind: 'view' }
  /** Pin this location where the plan is clicked. */
  | { readonly kind: 'place'; readonly locationId: string }
  /** Add a survey point (not a stall) where the plan is clicked. */
  | { readonly kind: 'point' }
  /** Setting the scale: the points clicked so far. */
  | { readonly kind: 'scale'; readonly a: PlanPoint | null; readonly b: PlanPoint | null }

export interface MapUi {
  readonly levelId: string | null
  readonly mode: MapMode
  readonly selected: { readonly kind: 'location' | 'point'; readonly id: string } | null
  readonly overlays: { readonly heatmap: boolean; readonly pins: boolean; readonly points: boolean }
}

export const mapUiStore = createStore<MapUi>({
  levelId: null,
  mode: { kind: 'view' },
  selected: null,
  overlays: { heatmap: true, pins: true, points: true }
})

/** Patches the map UI state. */
export function setMapUi(patch: Partial<MapUi>): void {
  mapUiStore.update((s) => ({ ...s, ...patch }))
}

/** Back to viewing (Esc, Cancel, after a placement). */
export function viewMode(): void {
  setMapUi({ mode: { kind: 'view' } })
}
