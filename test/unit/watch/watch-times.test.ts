/**
 * A watch's times (watchClock, watchSpanText): in UTC labelled "UTC" where no site is known (the
 * WIFI-STABLE evidence, the CLI), in the site's zone with its offset where one is (the app and the
 * report). Expected texts worked out by hand from the tz rules (US: 02:00 local, first Sunday of
 * November; Sydney: 02:00 AEST, first Sunday of October).
 */
import { describe, expect, it } from 'vitest'
import { watchClock, watchSpanText } from '../../../src/shared/watch/summary'

const NY = { timeZone: 'America/New_York' }

describe('watch times', () => {
  it('without a zone: UTC, said so', () => {
    expect(watchClock(Date.parse('2026-11-20T18:01:00Z'))).toBe('18:01:00 UTC')
    expect(watchSpanText({ t: Date.parse('2026-11-20T18:00:30Z'), untilT: Date.parse('2026-11-20T18:00:40Z') })).toBe('18:00:30–18:00:40 UTC')
  })

  it("in the site's zone: the wall clock and its offset, the offset once for a span", () => {
    // 18:01Z on 20 Nov is EST (UTC-05:00): 13:01.
    expect(watchClock(Date.parse('2026-11-20T18:01:00Z'), NY)).toBe('13:01:00 (UTC-05:00)')
    expect(watchSpanText({ t: Date.parse('2026-11-20T18:00:30Z'), untilT: Date.parse('2026-11-20T18:00:40Z') }, NY)).toBe('13:00:30–13:00:40 (UTC-05:00)')
    expect(watchSpanText({ t: Date.parse('2026-11-20T18:00:30Z'), untilT: null }, NY)).toBe('from 13:00:30 (UTC-05:00)')
    // Sydney in November is AEDT (UTC+11:00): 05:01 the next morning.
    expect(watchClock(Date.parse('2026-11-20T18:01:00Z'), { timeZone: 'Australia/Sydney' })).toBe('05:01:00 (UTC+11:00)')
  })

  it('a span across a DST change names both offsets', () => {
    // 05:50Z = 01:50 EDT; 06:10Z = 01:10 EST (the clock went back at 06:00Z).
    expect(watchSpanText({ t: Date.parse('2026-11-01T05:50:00Z'), untilT: Date.parse('2026-11-01T06:10:00Z') }, NY)).toBe('01:50:00 (UTC-04:00)–01:10:00 (UTC-05:00)')
  })
})
