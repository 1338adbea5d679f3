/**
 * SSIDs are up to 32 arbitrary bytes and attacker-controlled: keep the exact bytes (hex) and the
 * UTF-8 text only when the bytes are valid UTF-8. Hidden (empty or all-NUL) is not redacted.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true })
const encoder = new TextEncoder()

export interface SsidFields {
  readonly ssid: string | null
  readonly ssidHex: string | null
  readonly hidden: boolean
  /** Set (only) when the bytes cannot be an SSID: the parser skips the block. */
  readonly problem?: string
}

/** IEEE 802.11: an SSID is 0–32 bytes. */
export const MAX_SSID_BYTES = 32

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}

/** Bytes of a hex string (any case); null when it is not hex. */
export function fromHex(hex: string): Uint8Array | null {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) return null
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

/** SSID fields from the exact bytes. */
export function ssidFromBytes(bytes: Uint8Array): SsidFields {
  // Longer is not an SSID (a broken or hostile block): no text is kept, the block is skipped.
  if (bytes.length > MAX_SSID_BYTES) return { ssid: null, ssidHex: null, hidden: false, problem: `an SSID longer than ${MAX_SSID_BYTES} bytes` }
  const hidden = bytes.every((b) => b === 0)
  const ssidHex = toHex(bytes)
  if (hidden) return { ssid: null, ssidHex, hidden: true }
  let ssid: string | null
  try {
    ssid = utf8.decode(bytes)
  } catch {
    ssid = null // not UTF-8 (e.g. Latin-1 SSID): the bytes stay in ssidHex
  }
  return { ssid, ssidHex, hidden: false }
}

/** SSID fields from text a tool printed as-is (UTF-8 assumed: the tools print UTF-8 under LC_ALL=C.UTF-8 or C). */
export function ssidFromText(text: string): SsidFields {
  // A UTF-16 unit is at most 3 UTF-8 bytes: a long text is too long before it is encoded.
  if (text.length > MAX_SSID_BYTES * 3) return ssidFromBytes(new Uint8Array(MAX_SSID_BYTES + 1))
  return ssidFromBytes(encoder.encode(text))
}

/**
 * iw's escaped SSID: printable ASCII as-is, everything else (and `\`, leading/trailing space) as
 * `\xNN`. Decoded to the exact bytes; a literal non-ASCII character (older iw) is taken as UTF-8.
 */
export function decodeIwEscapes(text: string): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x5c && text.charCodeAt(i + 1) === 0x78 && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 4))) {
      out.push(parseInt(text.slice(i + 2, i + 4), 16))
      i += 3
    } else if (c < 0x80) out.push(c)
    else {
      const cp = text.codePointAt(i) ?? 0
      if (cp > 0xffff) i++
      for (const b of encoder.encode(String.fromCodePoint(cp))) out.push(b)
    }
  }
  return Uint8Array.from(out)
}

/** Bytes of base64 text (plist <data>); empty on invalid input. */
export function fromBase64(text: string): Uint8Array {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
  } catch {
    return new Uint8Array(0)
  }
}
