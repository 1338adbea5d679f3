/** Fixture access for the Wi-Fi tests (captures copied into test/fixtures/scan). */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Observation } from '../../../src/shared/model/observation'

export const SCAN_FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'scan')

/** Text of one capture, e.g. fixture('linux-iw/jc-iw-scan1.txt'). */
export function fixture(relative: string): string {
  return readFileSync(join(SCAN_FIXTURES, relative), 'utf8')
}

/** Every capture (not SOURCES.md, not jc's expected JSON). */
export function allCaptures(): string[] {
  return readdirSync(SCAN_FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'jc-expected')
    .flatMap((d) => readdirSync(join(SCAN_FIXTURES, d.name)).map((f) => `${d.name}/${f}`))
    .sort()
}

/** The one observation with this BSSID (fails loudly when absent or repeated). */
export function byBssid(list: readonly Observation[], bssid: string): Observation {
  const found = list.filter((o) => o.bssid === bssid)
  if (found.length !== 1) throw new Error(`expected one BSS ${bssid}, found ${found.length}`)
  return found[0] as Observation // why: length checked just above
}
