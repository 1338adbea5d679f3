/**
 * The one way a moment is shown to a person, in the app, the report/PDF and the CLI:
 * "2 Dec 2026, 14:03 (UTC+01:00)". A survey crosses time zones (measured on site, read at the
 * office, printed anywhere), so every date-time names its offset from UTC; the month is a word
 * so "2/12" vs "12/2" cannot be misread. The zone is passed in; by default it is the zone of the
 * machine that displays the text (Intl). The words are fixed English, not the locale's, so the
 * text is the same in every process and in tests.
 */

/** A moment: an ISO 8601 string (as stored in survey files), epoch milliseconds or a Date. */
export type Moment = string | number | Date

export interface ZoneOptions {
  /** IANA zone name ("Europe/Berlin", "UTC"); default: the displaying machine's zone. An unknown name shows UTC. */
  readonly timeZone?: string
}

export interface TimeOptions extends ZoneOptions {
  /** Show seconds ("14:03:05"); default false. */
  readonly seconds?: boolean
}

export interface ClockOptions extends TimeOptions {
  /** Name the offset after the clock ("14:03:05 (UTC+01:00)"), for a clock with no date-time beside it that names it; default false. */
  readonly offset?: boolean
}

/**
 * The zone a report shows times in when the site's zone was never recorded (a survey made before
 * v8): UTC, said so, never a guess at the site's zone.
 */
export const REPORT_TIME_ZONE: ZoneOptions = { timeZone: 'UTC' }

/**
 * The zone a report (the app's preview, the PDF and its header, `wc-survey report`) shows the
 * site's times in: the site's own zone, so a time reads as the clock on the garage wall did;
 * UTC when none was recorded or the name is not one this runtime knows.
 */
export function siteZone(timeZone: string | null): ZoneOptions {
  return timeZone !== null && isSiteTimeZone(timeZone) ? { timeZone } : REPORT_TIME_ZONE
}

/** The zones a site may be given: 'UTC' and every IANA zone the runtime lists (Intl.supportedValuesOf). */
export function siteTimeZones(): readonly string[] {
  siteZoneList ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')]
  return siteZoneList
}
let siteZoneList: readonly string[] | undefined

/** True when `name` is one of siteTimeZones() (a site's zone as typed or read from a file). */
export function isSiteTimeZone(name: string): boolean {
  siteZoneSet ??= new Set(siteTimeZones())
  return siteZoneSet.has(name)
}
let siteZoneSet: ReadonlySet<string> | undefined

/**
 * The zone a new survey's site gets: the machine's when it is a listed zone, else UTC (a
 * machine set to an alias such as "Etc/UTC" or an unlisted zone).
 */
export function defaultSiteTimeZone(): string {
  const zone = displayTimeZone()
  return isSiteTimeZone(zone) ? zone : 'UTC'
}

/** How a report names the zone its times are in: "Europe/Berlin (the site's local time)" or "UTC (the site's time zone was not recorded)". */
export function siteZoneLabel(timeZone: string | null): string {
  const zone = siteZone(timeZone).timeZone ?? 'UTC'
  if (timeZone === null) return 'UTC (the site\'s time zone was not recorded)'
  if (zone !== timeZone) return 'UTC (the site\'s time zone is not one this version knows)'
  return `${zone} (the site's local time)`
}

/** What is shown for a moment that is not a valid time. */
export const NOT_A_TIME = '—'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/** The zone of the machine showing the text (the app's window, the CLI's terminal). */
export function displayTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** True when Intl knows the IANA zone name (e.g. a site's zone read from a file). */
export function isTimeZone(name: string): boolean {
  return formatterFor(name) !== null
}

/** Wall-clock fields of a moment in a zone, and that zone's offset from UTC at that moment. */
export interface ZonedTime {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  /** Minutes east of UTC (Asia/Kolkata +330, America/St_Johns in winter -210). */
  readonly offsetMinutes: number
  /** The zone actually used (UTC when the requested one is unknown). */
  readonly timeZone: string
}

/** The moment's fields in the zone; null when the moment is not a valid time. */
export function zonedTime(at: Moment, options: ZoneOptions = {}): ZonedTime | null {
  const t = toEpochMs(at)
  if (t === null) return null
  const requested = options.timeZone ?? displayTimeZone()
  const known = formatterFor(requested)
  const timeZone = known === null ? 'UTC' : requested
  const formatter = known ?? formatterFor('UTC')
  if (formatter === null) return null
  const field: Record<string, number> = {}
  for (const part of formatter.formatToParts(t)) {
    if (part.type !== 'literal') field[part.type] = Number(part.value)
  }
  const fields = {
    year: field.year ?? 0,
    month: field.month ?? 1,
    day: field.day ?? 1,
    hour: field.hour ?? 0,
    minute: field.minute ?? 0,
    second: field.second ?? 0
  }
  // The offset is what the wall clock reads minus what UTC reads, both to the whole second.
  const wall = new Date(0)
  wall.setUTCFullYear(fields.year, fields.month - 1, fields.day)
  wall.setUTCHours(fields.hour, fields.minute, fields.second, 0)
  const offsetMinutes = Math.round((wall.getTime() - Math.floor(t / 1000) * 1000) / 60000)
  return { ...fields, offsetMinutes, timeZone }
}

/** "UTC+01:00", "UTC+05:30", "UTC-03:30", "UTC+00:00". */
export function utcOffsetLabel(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** "2 Dec 2026, 14:03 (UTC+01:00)"; with seconds "2 Dec 2026, 14:03:05 (UTC+01:00)". */
export function formatDateTime(at: Moment, options: TimeOptions = {}): string {
  const z = zonedTime(at, options)
  if (z === null) return NOT_A_TIME
  return `${dateText(z)}, ${clockText(z, options.seconds === true)} (${utcOffsetLabel(z.offsetMinutes)})`
}

/** "2 Dec 2026": the calendar day in the zone (no offset: a day is not a moment). */
export function formatDate(at: Moment, options: ZoneOptions = {}): string {
  const z = zonedTime(at, options)
  return z === null ? NOT_A_TIME : dateText(z)
}

/**
 * "14:03" or "14:03:05", 24-hour, in the zone, without the offset: for a clock beside a date-time
 * that names it, or in a list headed by one; with `offset`, "14:03:05 (UTC+01:00)" like formatDateTime.
 */
export function formatClock(at: Moment, options: ClockOptions = {}): string {
  const z = zonedTime(at, options)
  if (z === null) return NOT_A_TIME
  const clock = clockText(z, options.seconds === true)
  return options.offset === true ? `${clock} (${utcOffsetLabel(z.offsetMinutes)})` : clock
}

/** "UTC-05:00": the zone's offset from UTC at that moment (a chart's time axis names it once); null when the moment is not a valid time. */
export function offsetAt(at: Moment, options: ZoneOptions = {}): string | null {
  const z = zonedTime(at, options)
  return z === null ? null : utcOffsetLabel(z.offsetMinutes)
}

const pad = (n: number): string => String(n).padStart(2, '0')

function dateText(z: ZonedTime): string {
  return `${z.day} ${MONTHS[z.month - 1] ?? '?'} ${z.year}`
}

function clockText(z: ZonedTime, seconds: boolean): string {
  return `${pad(z.hour)}:${pad(z.minute)}${seconds ? `:${pad(z.second)}` : ''}`
}

function toEpochMs(at: Moment): number | null {
  const t = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at)
  return Number.isFinite(t) ? t : null
}

/** One numeric formatter per zone (building one costs far more than using it: the library formats hundreds of rows). */
const formatters = new Map<string, Intl.DateTimeFormat | null>()

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone)
  if (cached !== undefined) return cached
  let made: Intl.DateTimeFormat | null
  try {
    made = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23'
    })
  } catch {
    made = null // RangeError: not a zone this runtime knows
  }
  if (formatters.size < 64) formatters.set(timeZone, made)
  return made
}
