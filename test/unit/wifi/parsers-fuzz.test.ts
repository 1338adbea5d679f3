/**
 * Fuzz / mutation test (issue 10 item 4): every real capture, mutated (truncated, lines duplicated
 * and shuffled, NUL and control characters, CRLF, long lines, many blocks, character flips), goes
 * through format detection and every parser: nothing throws, every observation passes the
 * observation schema, skips are counted, warnings stay few. Time per input is measured by
 * `npm run bench` (wifi-parse-hostile), never asserted here.
 *
 * Seed: fixed under CI (reproducible), random locally (new cases each run); fast-check prints the
 * seed and path of a failure. Override with WC_FUZZ_SEED, more runs with WC_FUZZ_RUNS.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { detectFormat, parseAs, SCAN_FORMATS, type ScanFormat } from '../../../src/main/wifi/parsers/detect'
import { MAX_SCAN_OUTPUT_BYTES } from '../../../src/main/wifi/parsers/bounded-input'
import { observationSchema } from '../../../src/shared/model/observation'
import { allCaptures, fixture } from './helpers'
import { manyBlocks, mutations, PATHOLOGICAL } from './scan-mutations'

const CI_SEED = 20261201
const seedText = process.env.WC_FUZZ_SEED ?? (process.env.CI ? String(CI_SEED) : undefined)
const RUNS = Number(process.env.WC_FUZZ_RUNS ?? 6)
/** Inputs stay under this in the test (repeats are cut; the benchmark goes to the 8 MiB cap). */
const MAX_CHARS = 128 * 1024

/** Detection and every parser (or those given) on `text`: throws, naming the parser, on any broken promise. */
function holdsOn(text: string, formats: readonly ScanFormat[] = SCAN_FORMATS): void {
  const detected = detectFormat(text)
  if (detected !== null && !SCAN_FORMATS.includes(detected)) throw new Error(`detectFormat returned ${String(detected)}`)
  for (const format of formats) {
    const r = parseAs(format, text)
    if (!Number.isSafeInteger(r.skipped) || r.skipped < 0) throw new Error(`${format}: skipped is ${r.skipped}`)
    if (r.warnings.length > 21) throw new Error(`${format}: ${r.warnings.length} warnings (capped at 20 + 1)`)
    for (const o of r.observations) {
      const check = observationSchema.strict().safeParse(o)
      if (!check.success) throw new Error(`${format}: invalid observation ${JSON.stringify(o).slice(0, 300)}: ${check.error.message.slice(0, 300)}`)
    }
  }
}

describe('parsers hold on mutated captures', () => {
  const captures = allCaptures()
  it('fuzzes every capture (none is left out)', () => {
    expect(captures.length).toBeGreaterThanOrEqual(60)
  })

  it.each(captures.map((file, index) => [file, index] as const))('%s', { timeout: 60_000 }, (file, index) => {
    const text = fixture(file)
    holdsOn(text)
    const seed = seedText === undefined ? undefined : Number(seedText) + index
    fc.assert(
      fc.property(mutations(MAX_CHARS), (mutate) => holdsOn(mutate(text))),
      { numRuns: RUNS, ...(seed === undefined ? {} : { seed }) }
    )
  })
})

describe('parsers hold on the inputs of the issue report', () => {
  it.each(Object.entries(PATHOLOGICAL))('%s', (_name, text) => {
    holdsOn(text)
  })

  it('10,000 blocks: valid output; past the input cap a warning says what was read', { timeout: 120_000 }, () => {
    // One capture per format, repeated to 10,000 blocks, through its own parser (every parser on
    // every kind of input is the fuzz test's job; these inputs are up to the 8 MiB cap).
    const cases: readonly [string, number][] = [
      ['linux-iw/booyaa-iw-dev-scan-01.txt', 6],
      ['linux-nmcli/nm-test004-terse-all.txt', 4],
      ['windows/wifiscan-netsh-en-sp.txt', 12],
      ['macos/jc-airport-s.txt', 14],
      ['linux-iwlist/wifiscan-iwlist02-raspi.txt', 3]
    ]
    for (const [file, perCapture] of cases) {
      const text = manyBlocks(fixture(file), perCapture)
      const format = detectFormat(text)
      expect(format).not.toBeNull()
      holdsOn(text, [format ?? 'iw'])
      const r = parseAs(format ?? 'iw', text)
      if (text.length > MAX_SCAN_OUTPUT_BYTES) expect(r.warnings.join(' ')).toMatch(/only the first 8\.0 MiB were read/)
      else expect(r.observations.length).toBeGreaterThanOrEqual(10_000)
    }
  })
})
