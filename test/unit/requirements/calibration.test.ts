/**
 * Laptop-vs-charger calibration (issue 13, item 5) on the report fixture: its three chargers were
 * written with RSSIs 5, 3 and 6 dB below the laptop's deciding readings (-42, -75, -67.5 dBm); the
 * third (P2 stall 20) joined HarbourPoint-Guest, not the target HarbourPoint-EV.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { surveySchema, type Survey } from '../../../src/shared/model/survey'
import { calibrationFrom, calibrationRows, marginInUse, median, suggestCalibration } from '../../../src/shared/requirements/calibration'

const survey: Survey = surveySchema.parse(JSON.parse(readFileSync(new URL('../../fixtures/report/report-sample.wcsurvey', import.meta.url), 'utf8')))

describe('calibration', () => {
  it('a row per stall with both readings of the target network, laptop − charger', () => {
    expect(calibrationRows(survey).map((r) => [r.locationName, r.laptopDbm, r.chargerDbm, r.differenceDb])).toEqual([
      ['Level P1 – stall 3', -42, -47, 5],
      ['Level P2 – stall 14', -75, -78, 3]
    ])
  })
  it('a charger on another network is not compared (it hears other access points)', () => {
    const allOnTarget: Survey = { ...survey, chargers: survey.chargers.map((c) => ({ ...c, reading: { ...c.reading, wifi: { ...c.reading.wifi, ssid: 'HarbourPoint-EV' } } })) }
    expect(calibrationRows(allOnTarget).map((r) => r.differenceDb)).toEqual([5, 3, 6])
  })
  it('the median with n, and the record the user confirms', () => {
    const s = suggestCalibration(survey)
    expect(s).toMatchObject({ medianDb: 4, n: 2 })
    expect(s && calibrationFrom(s, '2026-11-18T11:00:00.000Z')).toEqual({ laptopMarginDb: 4, source: 'median of laptop − charger RSSI at 2 stalls', n: 2, setAt: '2026-11-18T11:00:00.000Z' })
  })
  it('median of an even count is the mean of the middle two', () => {
    expect(median([3, 6])).toBe(4.5)
    expect(median([1, 9, 2, 8])).toBe(5)
  })
  it('no stall with both readings: no suggestion; the margin in use is the default until one is set', () => {
    expect(suggestCalibration({ ...survey, chargers: [] })).toBeNull()
    expect(marginInUse(survey, 0)).toBe(0)
    expect(marginInUse({ ...survey, calibration: { laptopMarginDb: 5, source: 's', n: 3, setAt: '' } }, 0)).toBe(5)
  })
})
