/**
 * Limits every parser applies before it reads a line: scanner output is attacker-shaped text (SSIDs,
 * vendor elements) and support files can be anything. Input is cut at MAX_SCAN_OUTPUT_CHARS and each
 * line at MAX_LINE_CHARS, each cut said in a warning, so no input makes a parser run for seconds.
 * Everything here runs in one pass (linear in the input).
 */

/**
 * Largest scanner output read, in bytes for the command runner's buffer and in characters for the
 * parsers (a character is at least one UTF-8 byte). A 300-BSS `iw scan dump` is about 1 MiB.
 */
export const MAX_SCAN_OUTPUT_BYTES = 8 * 1024 * 1024
/** Longest line kept. The longest real ones (iw vendor elements, plist base64) are under 2 KiB. */
export const MAX_LINE_CHARS = 8192

/** Text ready for a parser: BOM gone, LF line ends, size and line length capped. */
export interface BoundedText {
  readonly text: string
  readonly warnings: string[]
}

/**
 * Strips a BOM, turns CRLF/CR into LF and caps size and (unless `keepLines`: JSON and plists, whose
 * lines are not records, and iw, which caps lines as it reads them) line length. `tool` names the
 * parser in the warnings.
 */
export function boundInput(input: string, tool: string, options: { keepLines?: boolean } = {}): BoundedText {
  const warnings: string[] = []
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  if (text.length > MAX_SCAN_OUTPUT_BYTES) {
    const cut = text.lastIndexOf('\n', MAX_SCAN_OUTPUT_BYTES)
    text = text.slice(0, cut > 0 ? cut + 1 : MAX_SCAN_OUTPUT_BYTES)
    warnings.push(`${tool}: the input is ${mib(input.length)} MiB; only the first ${mib(MAX_SCAN_OUTPUT_BYTES)} MiB were read`)
  }
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  if (options.keepLines) return { text, warnings }
  const long = countLongLines(text)
  if (long > 0) {
    text = cutLongLines(text)
    warnings.push(`${tool}: ${long} line(s) longer than ${MAX_LINE_CHARS} characters were cut to that length`)
  }
  return { text, warnings }
}

/** The lines of bounded text. */
export function boundLines(input: string, tool: string): { lines: string[]; warnings: string[] } {
  const { text, warnings } = boundInput(input, tool)
  return { lines: text.split('\n'), warnings }
}

function countLongLines(text: string): number {
  let count = 0
  for (let at = 0; at <= text.length; ) {
    let nl = text.indexOf('\n', at)
    if (nl < 0) nl = text.length
    if (nl - at > MAX_LINE_CHARS) count++
    at = nl + 1
  }
  return count
}

function cutLongLines(text: string): string {
  const out: string[] = []
  for (let at = 0; at <= text.length; ) {
    let nl = text.indexOf('\n', at)
    if (nl < 0) nl = text.length
    out.push(text.slice(at, Math.min(nl, at + MAX_LINE_CHARS)))
    at = nl + 1
  }
  return out.join('\n')
}

const mib = (chars: number) => (chars / (1024 * 1024)).toFixed(1)
