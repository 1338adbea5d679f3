/**
 * Grouping the same item across locations (headline.ts): expectations written by hand.
 */
import { describe, expect, it } from 'vitest'
import { atLocations, groupByLocations, groupedClauses } from '../../../src/shared/requirements/headline'

describe('groupByLocations', () => {
  it('puts items seen at the same locations together, widest first, first-seen order otherwise', () => {
    expect(
      groupByLocations([
        { location: 'A', items: ['X'] },
        { location: 'B', items: ['Y', 'Z', 'X'] },
        { location: 'C', items: ['Y', 'Z'] },
        { location: 'C', items: ['Y'] }
      ])
    ).toEqual([
      { items: ['X'], locations: ['A', 'B'] },
      { items: ['Y', 'Z'], locations: ['B', 'C'] }
    ])
  })
  it('keeps names apart whatever they contain (commas, quotes, NUL)', () => {
    const g = groupByLocations([
      { location: 'a","b', items: ['X'] },
      { location: 'a', items: ['Y'] },
      { location: 'b', items: ['Y'] },
      { location: 'c\u0000d', items: ['Z'] }
    ])
    expect(g).toEqual([
      { items: ['Y'], locations: ['a', 'b'] },
      { items: ['X'], locations: ['a","b'] },
      { items: ['Z'], locations: ['c\u0000d'] }
    ])
  })
})

describe('atLocations and groupedClauses', () => {
  it.each([
    { locations: ['A', 'B', 'C', 'D', 'E', 'F'], total: 6, text: 'at all 6 locations' },
    { locations: ['A'], total: 1, text: 'at A' },
    { locations: ['A', 'B'], total: 3, text: 'at A and B' },
    { locations: ['A', 'B', 'C'], total: 4, text: 'at A, B and C' }
  ])('$text', ({ locations, total, text }) => {
    expect(atLocations(locations, total)).toBe(text)
  })
  it('one clause per group', () => {
    const six = ['1', '2', '3', '4', '5', '6'].map((n) => ({ location: `stall ${n}`, items: n === '2' ? ['WIFI-WIDTH', 'WIFI-SIGNAL'] : ['WIFI-WIDTH'] }))
    expect(groupedClauses(six, 6)).toBe('WIFI-WIDTH at all 6 locations; WIFI-SIGNAL at stall 2')
    expect(groupedClauses([], 6)).toBe('')
  })
})
