/**
 * `wifi_ssid`: base64 on most firmware, plain on some (einarhauks wifi_status.py rule).
 */
import { describe, expect, it } from 'vitest'
import { decodeChargerSsid } from '../../../src/main/charger/charger-ssid'

describe('decodeChargerSsid', () => {
  it.each([
    ['U1NJT1JCSQ==', { ssid: 'SSIORBI', encoding: 'base64' }], // the real capture (winksaville)
    ['VGVzdE5ldHdvcms=', { ssid: 'TestNetwork', encoding: 'base64' }], // einarhauks test body
    ['SSIORBI', { ssid: 'SSIORBI', encoding: 'plain' }], // not a multiple of 4
    ['Home', { ssid: 'Home', encoding: 'plain' }], // base64 letters, but decodes to bytes that are not UTF-8
    ['My Garage', { ssid: 'My Garage', encoding: 'plain' }],
    ['8J+agA==', { ssid: '\u{1F680}', encoding: 'base64' }],
    ['', { ssid: '', encoding: 'plain' }]
  ])('%j', (raw, expected) => {
    expect(decodeChargerSsid(raw)).toEqual(expected)
  })

  it('keeps hostile decoded text as it is (the UI renders it as text)', () => {
    const hostile = '<img src=x onerror=alert(1)>\u202e'
    expect(decodeChargerSsid(Buffer.from(hostile, 'utf8').toString('base64'))).toEqual({ ssid: hostile, encoding: 'base64' })
  })
})
