/**
 * Headlines that group: the same requirement at many locations is said once, with where.
 *
 * "WIFI-WIDTH at all 6 locations" instead of "WIFI-WIDTH at A; WIFI-WIDTH at B; …" six times.
 * The survey verdict's reason (the compliance page, the PDF cover, `wc-survey check`) and the
 * report's checklist ("All 6 locations") say where through these functions.
 */

/** One location with the items (requirement IDs, or a phrase such as "not measured yet") found there. */
export interface ItemsAtLocation {
  readonly location: string
  readonly items: readonly string[]
}

/** Items that occur at exactly the same locations, said together. */
export interface ItemGroup {
  readonly items: readonly string[]
  readonly locations: readonly string[]
}

/**
 * Groups items by the set of locations they occur at.
 *
 * Items keep their first-seen order inside a group; groups covering more locations come first,
 * ties in first-seen order. A location named twice counts once.
 */
export function groupByLocations(entries: readonly ItemsAtLocation[]): ItemGroup[] {
  const where = new Map<string, string[]>()
  for (const e of entries) {
    for (const item of e.items) {
      const list = where.get(item) ?? []
      if (!list.includes(e.location)) list.push(e.location)
      where.set(item, list)
    }
  }
  const groups = new Map<string, { items: string[]; locations: string[]; first: number }>()
  let order = 0
  for (const [item, locations] of where) {
    // JSON keeps the key unambiguous whatever characters a name holds.
    const key = JSON.stringify(locations)
    const group = groups.get(key) ?? { items: [], locations, first: order++ }
    group.items.push(item)
    groups.set(key, group)
  }
  return [...groups.values()].sort((a, b) => b.locations.length - a.locations.length || a.first - b.first).map(({ items, locations }) => ({ items, locations }))
}

/**
 * Where, in words: "at all 6 locations" when a group covers every location of the survey (and
 * there is more than one), else "at A", "at A and B", "at A, B and C".
 */
export function atLocations(locations: readonly string[], total: number): string {
  if (total > 1 && locations.length === total) return `at all ${total} locations`
  if (locations.length <= 1) return `at ${locations[0] ?? 'no location'}`
  return `at ${locations.slice(0, -1).join(', ')} and ${locations.at(-1) ?? ''}`
}

/** The same, opening a line: "At all 6 locations", "At A and B". */
export function atLocationsLine(locations: readonly string[], total: number): string {
  const text = atLocations(locations, total)
  return `A${text.slice(1)}`
}

/** "WIFI-WIDTH, WIFI-PHY at all 6 locations; WIFI-SIGNAL at Level P3 – stall 2". */
export function groupedClauses(entries: readonly ItemsAtLocation[], total: number, suffix = ''): string {
  return groupByLocations(entries)
    .map((g) => `${g.items.join(', ')}${suffix} ${atLocations(g.locations, total)}`)
    .join('; ')
}
