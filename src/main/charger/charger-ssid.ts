/**
 * `wifi_ssid` is base64 on most Wall Connector firmware and plain text on some. Decoded only when
 * it is valid base64 that decodes to valid UTF-8, as einarhauks/tesla-wall-connector
 * `wifi_status.py` (@ ac4d1e53) does; otherwise it is taken as it came. Hostile text either way.
 */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

export interface DecodedSsid {
  readonly ssid: string
  readonly encoding: 'base64' | 'plain'
}

/** Decodes a charger's `wifi_ssid` value. */
export function decodeChargerSsid(raw: string): DecodedSsid {
  if (raw.length > 0 && BASE64.test(raw)) {
    const bytes = Buffer.from(raw, 'base64')
    try {
      // fatal: a byte sequence that is not UTF-8 throws, so a plain SSID that happens to use only
      // base64 letters ("Home") stays plain.
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      if (text.length > 0) return { ssid: text, encoding: 'base64' }
    } catch {
      // not UTF-8: a plain SSID
    }
  }
  return { ssid: raw, encoding: 'plain' }
}
