/**
 * CSV for spreadsheets and ticket systems (RFC 4180), safe to open: a cell that a spreadsheet
 * would run as a formula (starting with = + - @) gets a leading apostrophe, as OWASP advises against CSV injection. SSIDs,
 * location names and everything a scan says are attacker-controlled; hidden characters in them
 * are shown as [U+202E] (visibleText), never applied.
 */
import { visibleText } from './hidden-chars'

// A leading tab or carriage return (which some spreadsheets strip before looking) never gets
// here: visibleText has already shown it as [U+0009] / [U+000D].
const FORMULA_START = /^[=+\-@]/

/** One cell: visible, neutralised, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const visible = visibleText(value)
  const neutral = FORMULA_START.test(visible) ? `'${visible}` : visible
  return /[",\r\n]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral
}

/** Rows to CSV text, CRLF line ends, ending with one. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `${rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`
}
