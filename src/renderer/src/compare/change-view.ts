/**
 * Pure selectors turning a survey comparison into what the Compare page and the report's
 * "Changes since" section show (unit-tested in test/renderer/compare).
 */
import type { ChangeKind, LocationChange, RequirementChange, SurveyComparison } from '../../../shared/compare/compare-surveys'

/** The page's filter: every location, or only those with a regression / a fix. */
export type ChangeFilter = 'all' | 'regressed' | 'fixed'

/** What a location's row says besides its per-requirement cells. */
export interface LocationChangeView {
  readonly change: LocationChange
  /** Changes worth reading (every kind but still passing), in the profile's order. */
  readonly notable: readonly RequirementChange[]
  /** A sentence instead of a list when the whole location moved together; null otherwise. */
  readonly note: string | null
}

function all(changes: readonly RequirementChange[], kind: ChangeKind): boolean {
  return changes.length > 0 && changes.every((c) => c.kind === kind)
}

/** One location's view: the changes to read, or one sentence for "not measured again yet" and the like. */
export function locationChangeView(change: LocationChange): LocationChangeView {
  const { changes } = change
  if (changes.length === 0) return { change, notable: [], note: 'Not measured in either survey.' }
  if (all(changes, 'gone')) return { change, notable: [], note: 'Not measured in the newer survey yet.' }
  if (all(changes, 'new')) {
    // Measured for the first time: the requirements that do not pass are what to read.
    return { change, notable: changes.filter((c) => c.new !== 'pass'), note: 'Measured for the first time in the newer survey.' }
  }
  const notable = changes.filter((c) => c.kind !== 'still-passing')
  return { change, notable, note: notable.length === 0 ? 'No change: every requirement still passes.' : null }
}

/** Does a location pass the filter? */
export function matchesFilter(change: LocationChange, filter: ChangeFilter): boolean {
  if (filter === 'all') return true
  return change.changes.some((c) => c.kind === filter)
}

/** The rows to show under a filter, in the newer survey's order. */
export function filteredLocations(c: SurveyComparison, filter: ChangeFilter): LocationChangeView[] {
  return c.locations.filter((l) => matchesFilter(l, filter)).map(locationChangeView)
}

/** Location × requirement counts per kind, for the page's totals. */
export function kindCounts(c: SurveyComparison): Readonly<Record<ChangeKind, number>> {
  const counts: Record<ChangeKind, number> = { fixed: 0, regressed: 0, 'still-failing': 0, 'still-passing': 0, changed: 0, new: 0, gone: 0 }
  for (const l of c.locations) for (const x of l.changes) counts[x.kind] += 1
  return counts
}
