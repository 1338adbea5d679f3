/**
 * Text bound for a terminal (file names, SSIDs, survey names, messages quoting a file) is
 * attacker-controlled: ESC/CSI sequences would recolour, retitle or rewrite the terminal, BEL
 * rings it, and bidirectional overrides or zero-width characters make a name read as another.
 * Every such character is shown as a visible `\u{1b}`-style escape: one notation for C0, C1,
 * bidi and zero-width code points alike (control pictures such as U+241B exist for C0 only and
 * are themselves easy to mistake for ordinary text), and a technician can quote it back exactly.
 */
import { hiddenChars } from './hidden-chars'

const HIDDEN = hiddenChars()

/** `text` with every control, bidi and zero-width character shown as `\u{hex}`. */
export function terminalSafe(text: string): string {
  return text.replace(HIDDEN, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`)
}

/**
 * JSON output for a terminal: JSON.stringify already escapes C0 controls, the rest are escaped
 * as \uXXXX, so the JSON is identical as data and harmless on a terminal.
 */
export function jsonTerminalSafe(json: string): string {
  // C0 never occurs raw in JSON.stringify output; escaping it here would double a JSON escape.
  return json.replace(HIDDEN, (c) => (c < ' ' ? c : `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`))
}
