/**
 * Which page the shell shows. Kept in sessionStorage so a reload lands on the same page.
 */
import { createStore } from './create-store'

export type PageId = 'library' | 'survey' | 'map' | 'live' | 'compliance' | 'compare' | 'connectivity' | 'chargers' | 'handout' | 'report' | 'settings'

/** Navigation entries, in sidebar order. */
export const PAGES: readonly { readonly id: PageId; readonly label: string; readonly needsSurvey: boolean }[] = [
  { id: 'library', label: 'Library', needsSurvey: false },
  { id: 'survey', label: 'Survey', needsSurvey: true },
  { id: 'map', label: 'Map', needsSurvey: true },
  { id: 'live', label: 'Live scan', needsSurvey: false },
  { id: 'compliance', label: 'Compliance', needsSurvey: true },
  { id: 'compare', label: 'Compare', needsSurvey: false },
  { id: 'connectivity', label: 'Connectivity', needsSurvey: false },
  { id: 'chargers', label: 'Chargers', needsSurvey: true },
  { id: 'handout', label: 'IT handout', needsSurvey: false },
  { id: 'report', label: 'Report', needsSurvey: true },
  { id: 'settings', label: 'Settings', needsSurvey: false }
]

/** The shown page. */
export const navStore = createStore<PageId>('library')

/** Shows a page. */
export function navigate(page: PageId): void {
  navStore.set(page)
}

/** The shown page, for components. */
export function usePage(): PageId {
  return navStore.use()
}
