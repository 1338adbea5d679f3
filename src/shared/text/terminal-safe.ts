/**
 * Text bound for a terminal (file names, SSIDs, survey names, messages quoting a file) is
 * attacker-controlled: ESC/CSI sequences would recolour, retitle or rewrite the terminal, BEL
 * rings it, and bidirectional overrides or zero-width characters make a name read as another.
 * Every such character is shown as a visible `\u{1b}`-style escape: one notation for C0, C1,
 * bidi and zero-width code points alike (control pictures such as U+241B exist for C0 only and
 * are themselves easy to mistake for ordinary text), and a technician can quote it back exactly.
 */

/** C0 and C1 controls, DEL, and the invisible characters that reorder or hide text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g

/** Invisible (non-C0) characters JSON.stringify leaves raw: C1, bidi, zero-width, line separators. */
const JSON_UNESCAPED_UNSAFE = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g

/** `text` with every control, bidi and zero-width character shown as `\u{hex}`. */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`)
}

/**
 * JSON output for a terminal: JSON.stringify already escapes C0 controls, the rest are escaped
 * as \uXXXX, so the JSON is identical as data and harmless on a terminal.
 */
export function jsonTerminalSafe(json: string): string {
  return json.replace(JSON_UNESCAPED_UNSAFE, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)
}
