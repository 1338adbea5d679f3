/**
 * Hostile variants of the real captures, shared by the fuzz test (parsers-fuzz.test.ts) and the
 * benchmark (scripts/bench/wifi-parse-hostile.ts): fast-check arbitraries, so a failing case is
 * shrunk and replayed from its seed. Every mutation is one of the issue 10 list: truncation, duplicated
 * and shuffled lines, NUL and control characters, CRLF, long lines, many blocks, character flips.
 */
import fc from 'fast-check'

export type Mutate = (text: string) => string

/** Characters scanners and hostile SSIDs can put in the text: NUL, C0/C1 controls, bidi, BOM, NBSP, CR. */
const NASTY = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u00a0', '\u200f', '\u202e', '\ufeff', '\r', '\t', ':', '\\', '(', "'", '"', '<', '*', 'é', '😀']

const lines = (text: string) => text.split('\n')
/** Position `fraction` (0..1) into a length. */
const at = (length: number, fraction: number) => Math.min(length, Math.floor(fraction * (length + 1)))

const truncate = fc.double({ min: 0, max: 1, noNaN: true }).map((f): Mutate => (t) => t.slice(0, at(t.length, f)))

const duplicateLines = fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 50 })), { minLength: 1, maxLength: 5 }).map(
  (picks): Mutate =>
    (t) => {
      const ls = lines(t)
      for (const [f, times] of picks) {
        const i = Math.min(ls.length - 1, at(ls.length - 1, f))
        ls.splice(i, 0, ...Array<string>(times).fill(ls[i] ?? ''))
      }
      return ls.join('\n')
    }
)

const shuffleLines = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }).map(
  (swaps): Mutate =>
    (t) => {
      const ls = lines(t)
      for (let k = 0; k + 1 < swaps.length; k += 2) {
        const i = at(ls.length - 1, swaps[k] ?? 0)
        const j = at(ls.length - 1, swaps[k + 1] ?? 0)
        const a = ls[i] ?? ''
        ls[i] = ls[j] ?? ''
        ls[j] = a
      }
      return ls.join('\n')
    }
)

const insertNasty = fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...NASTY), fc.integer({ min: 1, max: 200 })), { minLength: 1, maxLength: 8 }).map(
  (inserts): Mutate =>
    (t) => {
      let out = t
      for (const [f, ch, times] of inserts) {
        const i = at(out.length, f)
        out = out.slice(0, i) + ch.repeat(times) + out.slice(i)
      }
      return out
    }
)

const lineEnds = fc.constantFrom('\r\n', '\r', '\n\n', '\r\r\n').map((end): Mutate => (t) => t.split('\n').join(end))

/** A long line (up to `maxChars`) of one kind, inserted at a line start or appended to a line. */
const longLine = (maxChars: number) =>
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom('x', ' ', '1', '\t', 'a ', ':', '(', '\\x41', 'BSS '),
      fc.integer({ min: 1000, max: Math.max(1000, maxChars) }),
      fc.boolean()
    )
    .map(
      ([f, unit, length, append]): Mutate =>
        (t) => {
          const ls = lines(t)
          const i = at(ls.length - 1, f)
          const filler = unit.repeat(Math.ceil(length / unit.length))
          ls[i] = append ? (ls[i] ?? '') + filler : filler + (ls[i] ?? '')
          return ls.join('\n')
        }
    )

const flipChars = fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 0x2ffff })), { minLength: 1, maxLength: 40 }).map(
  (flips): Mutate =>
    (t) => {
      const chars = [...t]
      for (const [f, code] of flips) {
        const i = Math.min(chars.length - 1, at(chars.length - 1, f))
        if (i >= 0) chars[i] = String.fromCodePoint(code >= 0xd800 && code <= 0xdfff ? 0xfffd : code)
      }
      return chars.join('')
    }
)

/** The capture repeated (many blocks, repeated BSSIDs), to at most `maxChars`. */
const repeatCapture = (maxChars: number) =>
  fc.integer({ min: 2, max: 300 }).map(
    (times): Mutate =>
      (t) => {
        const unit = t.endsWith('\n') ? t : `${t}\n`
        return unit.repeat(Math.max(1, Math.min(times, Math.floor(maxChars / Math.max(1, unit.length)))))
      }
  )

/** One mutation of any kind; long lines and repetition stop at `maxChars` (the test keeps inputs small, the benchmark not). */
export function mutation(maxChars: number): fc.Arbitrary<Mutate> {
  return fc.oneof(truncate, duplicateLines, shuffleLines, insertNasty, lineEnds, longLine(maxChars), flipChars, repeatCapture(maxChars))
}

/** One to three mutations applied in turn. */
export function mutations(maxChars: number): fc.Arbitrary<Mutate> {
  return fc.array(mutation(maxChars), { minLength: 1, maxLength: 3 }).map((list): Mutate => (t) => list.reduce((text, m) => m(text), t))
}

/** The capture's text repeated until it holds about `blocks` blocks of `perCapture` each (10,000 in the issue). */
export function manyBlocks(text: string, perCapture: number, blocks = 10_000): string {
  const times = Math.ceil(blocks / Math.max(1, perCapture))
  return (text.endsWith('\n') ? text : `${text}\n`).repeat(times)
}

/** Fixed hostile inputs of the report (no capture needed). */
export const PATHOLOGICAL: Readonly<Record<string, string>> = {
  '20,000 blank lines': '\n'.repeat(20_000),
  '200,000 CRLF': '\r\n'.repeat(200_000),
  '1 MiB of spaces': ' '.repeat(1 << 20),
  '1 MiB line': 'x'.repeat(1 << 20),
  '1 MiB of "a "': 'a '.repeat(1 << 19),
  '1 MiB of digits': '1'.repeat(1 << 20),
  '1 MiB of "("': '('.repeat(1 << 20) + ':',
  'airport row + 1 MiB trailing spaces': 'SSID BSSID RSSI CHANNEL HT CC SECURITY\nx 00:11:22:33:44:55 -50 6 Y US WPA2(PSK/AES/AES)' + ' '.repeat(1 << 20) + 'x\n',
  '100,000 nested plist dicts': '<plist><array>' + '<dict><key>a</key>'.repeat(100_000)
}
