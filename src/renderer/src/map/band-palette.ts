/**
 * Colours and words of the heatmap's bands, for the app and the report: each band has a word and
 * its dBm range in the legend (never colour alone); unmeasured is hatched grey, never a colour that
 * could pass for coverage.
 */
import { BAND, type Band, type BandPalette } from '../../../shared/map/heatmap'
import { HEAT_RADIUS_M } from '../../../shared/map/heat-points'
import { formatDistance } from '../../../shared/map/geometry'
import type { LengthUnit } from '../../../shared/model/survey-map'
import type { SignalParameters } from '../../../shared/requirements/profile'
import { PALETTE, rgbaOf, type PaletteName } from '../charts/palette'

/** The palette's colour of each band (styles/palette.css `--heat-*`). */
const BAND_COLOUR: Readonly<Record<Band, PaletteName>> = {
  [BAND.unmeasured]: 'heat-unmeasured',
  [BAND.pass]: 'heat-pass',
  [BAND.warn]: 'heat-warn',
  [BAND.fail]: 'heat-fail'
}

/** Band colours over the plan as pixels (alpha lets the plan show through). */
export const BAND_PALETTE: BandPalette = {
  [BAND.unmeasured]: rgbaOf(BAND_COLOUR[BAND.unmeasured]),
  [BAND.pass]: rgbaOf(BAND_COLOUR[BAND.pass]),
  [BAND.warn]: rgbaOf(BAND_COLOUR[BAND.warn]),
  [BAND.fail]: rgbaOf(BAND_COLOUR[BAND.fail])
}

/** The darker stripe of the unmeasured hatch. */
export const UNMEASURED_STRIPE: readonly [number, number, number, number] = rgbaOf('heat-unmeasured-stripe')

/** CSS colour of a band (legend swatches). */
export function bandCss(band: Band): string {
  return PALETTE[BAND_COLOUR[band]]
}

/** The legend's rows: band, word, range from WIFI-SIGNAL's thresholds. */
export function bandLegend(signal: Pick<SignalParameters, 'passDbm' | 'warnDbm'>, radiusText: string): readonly { readonly band: Band; readonly word: string; readonly range: string }[] {
  return [
    { band: BAND.pass, word: 'Pass', range: `${signal.passDbm} dBm or better` },
    { band: BAND.warn, word: 'Warning', range: `${signal.passDbm} to ${signal.warnDbm} dBm` },
    { band: BAND.fail, word: 'Fail', range: `below ${signal.warnDbm} dBm` },
    { band: BAND.unmeasured, word: 'Unmeasured', range: `farther than ${radiusText} from every measured point` }
  ]
}

/** The heatmap's reach in words: "10 m" (or "32.8 ft") with a scale, else a share of the plan. */
export function radiusText(scaled: boolean, unit: LengthUnit): string {
  return scaled ? formatDistance(HEAT_RADIUS_M, unit) : 'a twelfth of the plan'
}
