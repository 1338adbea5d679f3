/**
 * Reads a Wall Connector's JSON answer, surviving the firmware's known quirks: bare `nan` values
 * and a missing final `}` occur in real answers (einarhauks/tesla-wall-connector tests
 * `test_can_handle_nan_in_json`, `test_can_handle_missing_end_brace`; home-assistant community
 * reports of truncated answers while charging). Each repair is named, never silent.
 */

export type ChargerJson =
  | { readonly ok: true; readonly value: Readonly<Record<string, unknown>>; readonly repairs: readonly string[] }
  | { readonly ok: false; readonly problem: string }

/** Bare non-finite words some firmware prints where JSON has no such value. */
const NON_FINITE = /^-?(?:nan|inf(?:inity)?)(?![A-Za-z0-9_])/i

/**
 * Replaces bare `nan` / `inf` tokens outside strings with `null`; returns the text and how many it
 * replaced. A word inside a string (an SSID "nan") is left alone.
 */
function nullNonFinite(text: string): { text: string; count: number } {
  let out = ''
  let count = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    // Cast: i < text.length, so the index holds a character.
    const c = text[i] as string
    if (inString) {
      out += c
      if (c === '\\') {
        out += text[i + 1] ?? ''
        i++
      } else if (c === '"') inString = false
      continue
    }
    if (c === '"') {
      inString = true
      out += c
      continue
    }
    if (c === 'n' || c === 'N' || c === 'i' || c === 'I' || c === '-') {
      const match = NON_FINITE.exec(text.slice(i, i + 10))
      if (match) {
        out += 'null'
        count++
        i += match[0].length - 1
        continue
      }
    }
    out += c
  }
  return { text: out, count }
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Why a body that is not JSON looks the way it does, for the endpoint's problem line. */
function describeNonJson(text: string): string {
  if (text.length === 0) return 'an empty answer, not JSON'
  if (/^<(?:!doctype|html|head|body|\?xml)/i.test(text) || /^</.test(text)) return 'an HTML page, not JSON (another device at this address, or a login page?)'
  return 'not JSON'
}

/** Parses a charger's answer body; never throws. */
export function parseChargerJson(body: string): ChargerJson {
  const trimmed = body.replace(/^\uFEFF/, '').trim()
  const repairs: string[] = []
  const { text, count } = nullNonFinite(trimmed)
  if (count > 0) repairs.push(`${count} bare nan value${count === 1 ? '' : 's'} read as "not reported"`)
  let value = tryParse(text)
  if (value === undefined && text.startsWith('{') && !text.endsWith('}')) {
    value = tryParse(`${text}}`)
    if (value !== undefined) repairs.push('missing closing brace added')
  }
  if (value === undefined) return { ok: false, problem: describeNonJson(trimmed) }
  if (!isObject(value)) return { ok: false, problem: `JSON, but ${Array.isArray(value) ? 'a list' : 'a single value'} instead of an object` }
  return { ok: true, value, repairs }
}
