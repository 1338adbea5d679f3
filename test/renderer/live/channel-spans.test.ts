import { describe, expect, it } from 'vitest'
import { channelAtMhz, channelCenterMhz, occupiedBlock, selectChannelSpans, ssidLabel } from '../../../src/renderer/src/charts/channel-spans'
import { obs } from './helpers'

describe('channel arithmetic', () => {
  it('maps channel numbers to centre frequencies and back', () => {
    expect(channelCenterMhz('2.4', 1)).toBe(2412)
    expect(channelCenterMhz('2.4', 13)).toBe(2472)
    expect(channelCenterMhz('2.4', 14)).toBe(2484)
    expect(channelCenterMhz('5', 36)).toBe(5180)
    expect(channelCenterMhz('5', 149)).toBe(5745)
    expect(channelCenterMhz('6', 1)).toBe(5955)
    expect(channelAtMhz('2.4', 2437)).toBe(6)
    expect(channelAtMhz('2.4', 2484)).toBe(14)
    expect(channelAtMhz('2.4', 2439)).toBeNull()
    expect(channelAtMhz('5', 5500)).toBe(100)
  })

  it('draws 20 MHz on 2.4 GHz as ±2 channels (four 5 MHz channel steps)', () => {
    const b = occupiedBlock('2.4', 6, 20, 'none')
    expect([b.lo, b.hi, b.exact]).toEqual([2427, 2447, true])
    expect(b.lo).toBe(channelCenterMhz('2.4', 4))
    expect(b.hi).toBe(channelCenterMhz('2.4', 8))
  })

  it('spans HT40+ from the primary up to primary+4, HT40− down to primary−4', () => {
    const above = occupiedBlock('2.4', 1, 40, 'above')
    expect([above.lo, above.hi]).toEqual([2402, 2442])
    // Centre of the 40 MHz block is between channels 1 and 5 (channel 3).
    expect((above.lo + above.hi) / 2).toBe(channelCenterMhz('2.4', 3))
    const below = occupiedBlock('2.4', 11, 40, 'below')
    expect([below.lo, below.hi]).toEqual([2432, 2472])
    expect((below.lo + below.hi) / 2).toBe(channelCenterMhz('2.4', 9))
  })

  it('marks what it had to assume: unknown width as 20 MHz, unknown HT40 side centred', () => {
    const unknown = occupiedBlock('2.4', 6, null, null)
    expect([unknown.lo, unknown.hi, unknown.width, unknown.exact]).toEqual([2427, 2447, 20, false])
    expect(unknown.note).toMatch(/width not reported/)
    const side = occupiedBlock('2.4', 6, 40, null)
    expect([side.lo, side.hi, side.exact]).toEqual([2417, 2457, false])
  })

  it('places 5 GHz 40/80/160 MHz on the channel plan blocks', () => {
    expect(occupiedBlock('5', 36, 80, null)).toMatchObject({ lo: 5170, hi: 5250, exact: true })
    expect(occupiedBlock('5', 44, 80, null)).toMatchObject({ lo: 5170, hi: 5250 })
    expect(occupiedBlock('5', 112, 80, null)).toMatchObject({ lo: 5490, hi: 5570 })
    expect(occupiedBlock('5', 157, 80, null)).toMatchObject({ lo: 5735, hi: 5815 })
    expect(occupiedBlock('5', 165, 80, null)).toMatchObject({ lo: 5815, hi: 5895 })
    expect(occupiedBlock('5', 120, 160, null)).toMatchObject({ lo: 5490, hi: 5650 })
    expect(occupiedBlock('5', 44, 40, null)).toMatchObject({ lo: 5210, hi: 5250 })
    expect(occupiedBlock('5', 48, 40, 'below')).toMatchObject({ lo: 5210, hi: 5250 })
    expect(occupiedBlock('5', 52, 20, 'none')).toMatchObject({ lo: 5250, hi: 5270 })
  })
})

describe('selectChannelSpans', () => {
  const list = [
    obs({ bssid: '01', ssid: 'Target', signalDbm: -70 }),
    obs({ bssid: '02', ssid: 'Other', signalDbm: -40, channel: 1, frequencyMhz: 2412, channelWidthMhz: 40, secondaryChannelOffset: 'above' }),
    obs({ bssid: '03', ssid: null, hidden: true, signalDbm: -80 }),
    obs({ bssid: '04', ssid: 'Five', band: '5', channel: 36, frequencyMhz: 5180, channelWidthMhz: 80 }),
    obs({ bssid: '05', ssid: 'NoSignal', signalDbm: null }),
    obs({ bssid: '06', ssid: 'NoChannel', channel: null })
  ]

  it('keeps one band, skips BSSs it cannot place, and paints the target last', () => {
    const spans = selectChannelSpans(list, '2.4', 'Target')
    expect(spans.map((s) => s.key)).toEqual(['03|2.4', '02|2.4', '01|2.4'])
    expect(spans.at(-1)).toMatchObject({ label: 'Target', isTarget: true })
    expect(spans.find((s) => s.key === '02|2.4')).toMatchObject({ loMhz: 2402, hiMhz: 2442, widthMhz: 40 })
    expect(spans.find((s) => s.key === '03|2.4')?.label).toBe('(hidden)')
    expect(selectChannelSpans(list, '5', 'Target').map((s) => s.key)).toEqual(['04|5'])
  })

  it('never treats a redacted SSID as the target', () => {
    const spans = selectChannelSpans([obs({ ssid: 'Target', redacted: true })], '2.4', 'Target')
    expect(spans[0]?.isTarget).toBe(false)
    expect(spans[0]?.label).toBe('redacted — Location Services off')
  })
})

describe('labels and keys', () => {
  it('labels hidden and redacted differently, and keeps hostile text as is', () => {
    expect(ssidLabel({ ssid: null, hidden: true, redacted: false })).toBe('(hidden)')
    expect(ssidLabel({ ssid: null, hidden: false, redacted: true })).toBe('redacted — Location Services off')
    expect(ssidLabel({ ssid: '<b>x</b>', hidden: false, redacted: false })).toBe('<b>x</b>')
    // A bidi override cannot make "\u202EToI-egaraG" read as "Garage-IoT"; a NUL stays visible.
    expect(ssidLabel({ ssid: '\u202EToI-egaraG', hidden: false, redacted: false })).toBe('[U+202E]ToI-egaraG')
    expect(ssidLabel({ ssid: 'a\u0000b', hidden: false, redacted: false })).toBe('a[U+0000]b')
  })
})
