/** Near misses of the target SSID (issue 16 item 2): the one definition the rules, banner and picker use. */
import { describe, expect, it } from 'vitest'
import { nearMisses, ssidFold, targetSighting } from '../../../src/shared/requirements/near-miss'
import { makeObservation } from '../../support/survey-builders'

describe('nearMisses', () => {
  it('finds names that differ only in case, spaces, separators or invisible characters', () => {
    const seen = ['HarbourPoint-EV', 'harbourpoint ev', 'Harbour_Point.EV', 'HarbourPoint\u200b-EV', 'HarbourPoint-EV2', 'Guest', null]
    expect(nearMisses('HarbourPoint-ev', seen)).toEqual(['HarbourPoint-EV', 'harbourpoint ev', 'Harbour_Point.EV', 'HarbourPoint\u200b-EV'])
  })

  it('never calls the exact name a near miss, and lists each name once', () => {
    expect(nearMisses('HarbourPoint-EV', ['HarbourPoint-EV', 'HARBOURPOINT-EV', 'HARBOURPOINT-EV'])).toEqual(['HARBOURPOINT-EV'])
  })

  it('has none for an empty target or one made of separators only', () => {
    expect(nearMisses('', ['', ' '])).toEqual([])
    expect(nearMisses(' - ', ['-', '_'])).toEqual([])
  })

  it('folds full-width letters like their ASCII twins (NFKC)', () => {
    expect(ssidFold('ＨａｒｂｏｕｒＰｏｉｎｔ')).toBe('harbourpoint')
  })
})

describe('targetSighting', () => {
  const o = (ssid: string | null, signalDbm: number, extra = {}) => makeObservation({ ssid, signalDbm, ...extra })

  it('says no-scan without observations or without a target', () => {
    expect(targetSighting('HarbourPoint-EV', [])).toEqual({ kind: 'no-scan' })
    expect(targetSighting('', [o('HarbourPoint-EV', -50)])).toEqual({ kind: 'no-scan' })
  })

  it('says seen when the exact name is there, whatever near misses are around', () => {
    expect(targetSighting('HarbourPoint-EV', [o('harbourpoint-ev', -40), o('HarbourPoint-EV', -70)])).toEqual({ kind: 'seen' })
  })

  it('lists near misses strongest first when the exact name is not there', () => {
    const scan = [o('harbourpoint ev', -80), o('HarbourPoint-EV', -52), o('Guest', -30)]
    expect(targetSighting('HarbourPoint-ev', scan)).toEqual({ kind: 'near-miss', names: ['HarbourPoint-EV', 'harbourpoint ev'] })
  })

  it('says not-seen when nothing is close; a name the OS withheld is not a sighting', () => {
    expect(targetSighting('HarbourPoint-EV', [o('Guest', -40), o(null, -50, { redacted: true })])).toEqual({ kind: 'not-seen' })
  })
})
