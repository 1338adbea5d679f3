/**
 * The charger's JSON quirks (SOURCES.md "Facts of the firmware"), on the real quirk captures.
 */
import { describe, expect, it } from 'vitest'
import { parseChargerJson } from '../../../src/main/charger/lenient-json'
import { fixture } from '../../support/fake-charger'

describe('parseChargerJson', () => {
  it('reads a well-formed real answer with no repair', () => {
    const r = parseChargerJson(fixture('lifetime_real_winksaville.json'))
    expect(r).toEqual({
      ok: true,
      repairs: [],
      value: { contactor_cycles: 1054, contactor_cycles_loaded: 66, alert_count: 2243, thermal_foldbacks: 0, avg_startup_temp: 0, charge_starts: 1054, energy_wh: 5276620, connector_cycles: 483, uptime_s: 50804115, charging_time_s: 3938097 }
    })
  })

  it('bare nan (three of them) reads as null and says so', () => {
    const r = parseChargerJson(fixture('QUIRK_lifetime_bare_nan_einarhauks_test.txt'))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toEqual({ contactor_cycles: 450, contactor_cycles_loaded: null, alert_count: null, thermal_foldbacks: 0, avg_startup_temp: null, charge_starts: 450, energy_wh: 2566837, connector_cycles: 238, uptime_s: 15896787, charging_time_s: 758036 })
    expect(r.repairs).toEqual(['3 bare nan values read as "not reported"'])
  })

  it('a missing final brace is added and said', () => {
    const r = parseChargerJson(fixture('QUIRK_lifetime_missing_end_brace_einarhauks_test.txt'))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.alert_count).toBe(1)
    expect(r.value.charging_time_s).toBe(758036)
    expect(r.repairs).toEqual(['missing closing brace added'])
  })

  it('leaves "nan" inside a string alone (an SSID may be called nan)', () => {
    expect(parseChargerJson('{"wifi_ssid":"nan","x":nan,"y":"a\\"nan"}')).toEqual({ ok: true, value: { wifi_ssid: 'nan', x: null, y: 'a"nan' }, repairs: ['1 bare nan value read as "not reported"'] })
  })

  it('-nan and inf are non-finite too; "null" and names starting with n are not touched', () => {
    expect(parseChargerJson('{"a":-nan,"b":inf,"c":null,"d":[nan]}')).toEqual({ ok: true, value: { a: null, b: null, c: null, d: [null] }, repairs: ['3 bare nan values read as "not reported"'] })
  })

  it.each([
    ['<!DOCTYPE html><html><body>login</body></html>', 'an HTML page, not JSON (another device at this address, or a login page?)'],
    ['', 'an empty answer, not JSON'],
    ['garbage \u0000\u0001', 'not JSON'],
    ['[1,2]', 'JSON, but a list instead of an object'],
    ['42', 'JSON, but a single value instead of an object'],
    ['{"a":1,', 'not JSON']
  ])('refuses %j with a plain reason', (body, problem) => {
    expect(parseChargerJson(body)).toEqual({ ok: false, problem })
  })
})
