/**
 * The library's grouping by site: surveys of one re-survey chain, or with the same site name, are
 * one site's history (the Library, the Compare page's pickers, the Report's "Changes since").
 */
import type { SurveySummary } from '../model/survey'
import { normaliseName } from './compare-surveys'

/** What grouping needs of a library row. */
export type SiteGroupRow = Pick<SurveySummary, 'path' | 'siteName' | 'createdAt' | 'lineageId' | 'error'>

/** Surveys of one site in the library: newest first; `previous` of each is the next older one. */
export interface SiteGroup<T extends SiteGroupRow = SiteGroupRow> {
  readonly key: string
  readonly rows: readonly T[]
}

/**
 * The library's rows (already filtered and sorted) grouped by site: surveys of one re-survey chain,
 * or with the same site name (case, spaces and dashes ignored), stay together, newest first by
 * creation; groups keep the order of their first row. Unreadable files stay alone.
 */
export function groupBySite<T extends SiteGroupRow>(rows: readonly T[]): SiteGroup<T>[] {
  // Union-find over rows joined by a shared lineage or a shared site name.
  const parent = rows.map((_, i) => i)
  const find = (i: number): number => {
    let root = i
    while (parent[root] !== root) root = parent[root] ?? root
    return root
  }
  const firstWith = new Map<string, number>()
  rows.forEach((row, i) => {
    if (row.error !== null) return
    for (const key of [`lineage:${row.lineageId}`, `site:${normaliseName(row.siteName)}`]) {
      const first = firstWith.get(key)
      if (first === undefined) firstWith.set(key, i)
      else parent[find(i)] = find(first)
    }
  })
  const groups = new Map<number, T[]>()
  rows.forEach((row, i) => {
    const root = find(i)
    const list = groups.get(root)
    if (list) list.push(row)
    else groups.set(root, [row])
  })
  return [...groups.entries()].map(([root, list]) => ({
    key: rows[root]?.path ?? String(root),
    rows: [...list].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
  }))
}
