/**
 * The one date formatter: every expected text below was worked out by hand from the zone's rules
 * (tz database: EU changes at 01:00 UTC on the last Sundays of March and October; the US at
 * 02:00 local on the second Sunday of March and the first of November).
 */
import { describe, expect, it } from 'vitest'
import {
  displayTimeZone,
  formatClock,
  offsetAt,
  formatDate,
  formatDateTime,
  defaultSiteTimeZone,
  isSiteTimeZone,
  isTimeZone,
  NOT_A_TIME,
  siteZone,
  siteZoneLabel,
  utcOffsetLabel,
  zonedTime
} from '../../../src/shared/text/date-time'
import { withTimeZone } from '../../support/time-zone'

describe('formatDateTime', () => {
  it.each([
    // zone, moment (UTC), shown
    ['UTC', '2026-12-02T14:03:00Z', '2 Dec 2026, 14:03 (UTC+00:00)'],
    ['Europe/Berlin', '2026-12-02T13:03:00Z', '2 Dec 2026, 14:03 (UTC+01:00)'],
    ['Europe/Berlin', '2026-07-02T12:03:00Z', '2 Jul 2026, 14:03 (UTC+02:00)'],
    // Non-hour offsets.
    ['Asia/Kolkata', '2026-12-02T08:33:00Z', '2 Dec 2026, 14:03 (UTC+05:30)'],
    ['Asia/Kathmandu', '2026-12-02T08:18:00Z', '2 Dec 2026, 14:03 (UTC+05:45)'],
    ['America/St_Johns', '2026-12-02T17:33:00Z', '2 Dec 2026, 14:03 (UTC-03:30)'],
    // The day and year change with the zone.
    ['Asia/Tokyo', '2026-12-31T23:30:00Z', '1 Jan 2027, 08:30 (UTC+09:00)'],
    ['Pacific/Kiritimati', '2026-12-02T12:00:00Z', '3 Dec 2026, 02:00 (UTC+14:00)'],
    ['Pacific/Pago_Pago', '2026-01-01T05:00:00Z', '31 Dec 2025, 18:00 (UTC-11:00)'],
    // EU spring forward, Sun 29 Mar 2026 at 01:00 UTC: 02:00 local does not exist.
    ['Europe/Berlin', '2026-03-29T00:59:00Z', '29 Mar 2026, 01:59 (UTC+01:00)'],
    ['Europe/Berlin', '2026-03-29T01:00:00Z', '29 Mar 2026, 03:00 (UTC+02:00)'],
    // EU fall back, Sun 25 Oct 2026 at 01:00 UTC: 02:30 local happens twice, told apart only by the offset.
    ['Europe/Berlin', '2026-10-25T00:30:00Z', '25 Oct 2026, 02:30 (UTC+02:00)'],
    ['Europe/Berlin', '2026-10-25T01:30:00Z', '25 Oct 2026, 02:30 (UTC+01:00)'],
    // US spring forward, Sun 8 Mar 2026 at 02:00 EST (07:00 UTC), and fall back Sun 1 Nov 2026 at 02:00 EDT (06:00 UTC).
    ['America/New_York', '2026-03-08T06:59:00Z', '8 Mar 2026, 01:59 (UTC-05:00)'],
    ['America/New_York', '2026-03-08T07:00:00Z', '8 Mar 2026, 03:00 (UTC-04:00)'],
    ['America/New_York', '2026-11-01T05:30:00Z', '1 Nov 2026, 01:30 (UTC-04:00)'],
    ['America/New_York', '2026-11-01T06:30:00Z', '1 Nov 2026, 01:30 (UTC-05:00)'],
    // Southern hemisphere: summer time in December.
    ['Australia/Sydney', '2026-12-02T03:03:00Z', '2 Dec 2026, 14:03 (UTC+11:00)'],
    // Midnight is 00, never 24.
    ['UTC', '2026-12-02T00:00:00Z', '2 Dec 2026, 00:00 (UTC+00:00)']
  ])('%s %s → %s', (timeZone, at, shown) => {
    expect(formatDateTime(at, { timeZone })).toBe(shown)
  })

  it('reads an ISO time with its own offset, epoch milliseconds and a Date as the same moment', () => {
    const shown = '2 Dec 2026, 14:03 (UTC+05:30)'
    expect(formatDateTime('2026-12-02T09:33:00+01:00', { timeZone: 'Asia/Kolkata' })).toBe(shown)
    expect(formatDateTime(Date.UTC(2026, 11, 2, 8, 33), { timeZone: 'Asia/Kolkata' })).toBe(shown)
    expect(formatDateTime(new Date(Date.UTC(2026, 11, 2, 8, 33)), { timeZone: 'Asia/Kolkata' })).toBe(shown)
  })

  it('shows seconds on request, and cuts (never rounds) the milliseconds', () => {
    expect(formatDateTime('2026-12-02T13:03:05.999Z', { timeZone: 'Europe/Berlin', seconds: true })).toBe('2 Dec 2026, 14:03:05 (UTC+01:00)')
    expect(formatDateTime('2026-12-02T13:03:59.999Z', { timeZone: 'Europe/Berlin' })).toBe('2 Dec 2026, 14:03 (UTC+01:00)')
  })

  it('says so for what is not a time, never echoing it', () => {
    for (const bad of ['yesterday', '', '2026-13-40T99:00:00Z', Number.NaN, new Date('x')]) {
      expect(formatDateTime(bad, { timeZone: 'UTC' })).toBe(NOT_A_TIME)
      expect(formatDate(bad, { timeZone: 'UTC' })).toBe(NOT_A_TIME)
      expect(formatClock(bad, { timeZone: 'UTC' })).toBe(NOT_A_TIME)
    }
  })

  it('shows UTC, with its offset, for a zone this runtime does not know (the offset keeps it true)', () => {
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false)
    expect(formatDateTime('2026-12-02T14:03:00Z', { timeZone: 'Mars/Olympus_Mons' })).toBe('2 Dec 2026, 14:03 (UTC+00:00)')
    expect(zonedTime('2026-12-02T14:03:00Z', { timeZone: 'Mars/Olympus_Mons' })?.timeZone).toBe('UTC')
  })

  it("defaults to the displaying machine's zone (TZ)", () => {
    withTimeZone('Asia/Kolkata', () => expect(formatDateTime('2026-12-02T08:33:00Z')).toBe('2 Dec 2026, 14:03 (UTC+05:30)'))
    withTimeZone('America/St_Johns', () => expect(formatDateTime('2026-12-02T17:33:00Z')).toBe('2 Dec 2026, 14:03 (UTC-03:30)'))
    expect(isTimeZone(displayTimeZone())).toBe(true)
  })
})

describe('formatDate and formatClock', () => {
  it('give the calendar day and the wall clock in the zone', () => {
    expect(formatDate('2026-12-31T23:30:00Z', { timeZone: 'Asia/Tokyo' })).toBe('1 Jan 2027')
    expect(formatDate('2026-12-31T23:30:00Z', { timeZone: 'UTC' })).toBe('31 Dec 2026')
    expect(formatClock('2026-12-02T08:33:07Z', { timeZone: 'Asia/Kolkata' })).toBe('14:03')
    expect(formatClock('2026-12-02T08:33:07Z', { timeZone: 'Asia/Kolkata', seconds: true })).toBe('14:03:07')
  })

  it('formatClock with offset names it, as formatDateTime does, on either side of a DST change', () => {
    // New York: EDT (UTC-04:00) until 1 Nov 2026 06:00Z, then EST (UTC-05:00).
    expect(formatClock('2026-11-01T05:59:59Z', { timeZone: 'America/New_York', seconds: true, offset: true })).toBe('01:59:59 (UTC-04:00)')
    expect(formatClock('2026-11-01T06:00:00Z', { timeZone: 'America/New_York', seconds: true, offset: true })).toBe('01:00:00 (UTC-05:00)')
    // Sydney: AEST (UTC+10:00) until 02:00 local on Sunday 4 Oct 2026 (3 Oct 16:00Z), then AEDT (UTC+11:00).
    expect(formatClock('2026-10-03T15:59:00Z', { timeZone: 'Australia/Sydney', offset: true })).toBe('01:59 (UTC+10:00)')
    expect(formatClock('2026-10-03T16:00:00Z', { timeZone: 'Australia/Sydney', offset: true })).toBe('03:00 (UTC+11:00)')
    expect(formatClock('nonsense', { timeZone: 'UTC', offset: true })).toBe(NOT_A_TIME)
  })

  it('offsetAt gives the zone\'s offset at a moment', () => {
    expect(offsetAt('2026-07-14T16:05:00Z', { timeZone: 'America/New_York' })).toBe('UTC-04:00')
    expect(offsetAt('2026-11-20T18:00:00Z', { timeZone: 'America/New_York' })).toBe('UTC-05:00')
    expect(offsetAt('2026-11-20T18:00:00Z', { timeZone: 'Asia/Kolkata' })).toBe('UTC+05:30')
    expect(offsetAt('nonsense', { timeZone: 'UTC' })).toBeNull()
  })
})

describe('utcOffsetLabel', () => {
  it.each([
    [0, 'UTC+00:00'],
    [60, 'UTC+01:00'],
    [330, 'UTC+05:30'],
    [345, 'UTC+05:45'],
    [-210, 'UTC-03:30'],
    [-660, 'UTC-11:00'],
    [840, 'UTC+14:00']
  ])('%i minutes → %s', (minutes, label) => {
    expect(utcOffsetLabel(minutes)).toBe(label)
  })
})

describe('the site\'s zone (issue 16 item 7): a report shows every time as the garage\'s clock read it', () => {
  it.each([
    // America/New_York: EDT (UTC-4) from 8 Mar 2026 07:00 UTC to 1 Nov 2026 06:00 UTC, EST (UTC-5) outside.
    ['America/New_York', '2026-07-14T16:05:00.000Z', '14 Jul 2026, 12:05 (UTC-04:00)'],
    ['America/New_York', '2026-11-21T09:00:00.000Z', '21 Nov 2026, 04:00 (UTC-05:00)'],
    ['America/New_York', '2026-03-08T06:59:00.000Z', '8 Mar 2026, 01:59 (UTC-05:00)'],
    ['America/New_York', '2026-03-08T07:00:00.000Z', '8 Mar 2026, 03:00 (UTC-04:00)'],
    // Europe/Berlin: CET (UTC+1) until 29 Mar 2026 01:00 UTC, then CEST (UTC+2).
    ['Europe/Berlin', '2026-03-29T00:59:00.000Z', '29 Mar 2026, 01:59 (UTC+01:00)'],
    ['Europe/Berlin', '2026-03-29T01:00:00.000Z', '29 Mar 2026, 03:00 (UTC+02:00)'],
    // A day boundary: late evening in UTC is the next morning in Sydney (AEDT, UTC+11, in December).
    ['Australia/Sydney', '2026-12-01T20:30:00.000Z', '2 Dec 2026, 07:30 (UTC+11:00)'],
    ['UTC', '2026-12-01T20:30:00.000Z', '1 Dec 2026, 20:30 (UTC+00:00)']
  ])('%s: %s → %s', (zone, at, text) => {
    expect(withTimeZone('Asia/Tokyo', () => formatDateTime(at, siteZone(zone)))).toBe(text)
  })

  it('a survey without a recorded zone (before v8) or with one this runtime does not list shows UTC and says so, whatever the reader\'s zone', () => {
    expect(withTimeZone('Asia/Tokyo', () => formatDateTime('2026-07-14T16:05:00.000Z', siteZone(null)))).toBe('14 Jul 2026, 16:05 (UTC+00:00)')
    expect(withTimeZone('Asia/Tokyo', () => formatDateTime('2026-07-14T16:05:00.000Z', siteZone('Mars/Olympus_Mons')))).toBe('14 Jul 2026, 16:05 (UTC+00:00)')
    expect(siteZoneLabel(null)).toBe("UTC (the site's time zone was not recorded)")
    expect(siteZoneLabel('Mars/Olympus_Mons')).toBe("UTC (the site's time zone is not one this version knows)")
    expect(siteZoneLabel('America/New_York')).toBe("America/New_York (the site's local time)")
  })

  it('a site may be given UTC or a listed IANA zone, nothing else; a new site gets the machine\'s zone, or UTC for an alias the list lacks', () => {
    expect(['UTC', 'Europe/Berlin', 'America/St_Johns'].map(isSiteTimeZone)).toEqual([true, true, true])
    expect(['', 'Europe/Nowhere', 'utc', '+01:00', 'Etc/UTC'].map(isSiteTimeZone)).toEqual([false, false, false, false, false])
    expect(withTimeZone('Europe/Berlin', defaultSiteTimeZone)).toBe('Europe/Berlin')
    expect(withTimeZone('Etc/UTC', defaultSiteTimeZone)).toBe('UTC')
  })
})
