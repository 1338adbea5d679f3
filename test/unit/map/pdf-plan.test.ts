/**
 * PDF floor plans (issue 11 item 1): the resolution and pixel size a page is drawn at within the
 * plan limits, the name the plan is kept under, and what an unusable PDF is told as. Expected
 * sizes are worked out by hand from the sheet sizes in points (72 to the inch).
 */
import { describe, expect, it } from 'vitest'
import { isPdf, pageSizeText, pdfOpenFailure, pdfPlanFileName, pdfRenderSize } from '../../../src/shared/map/pdf-plan'

describe('pdfRenderSize', () => {
  it('draws a sheet at 150 dpi when that fits, rounding to the nearest pixel', () => {
    // Chromium's A4 landscape, 841.91998 × 594.95996 pt = 11.6933 × 8.2633 in → 1753.99996 × 1239.49992 px.
    expect(pdfRenderSize(841.91998, 594.95996)).toEqual({ ok: true, dpi: 150, widthPx: 1754, heightPx: 1239 })
    // A0 portrait, 2383.94 × 3370.39 pt = 33.110 × 46.811 in → 4966.5 × 7021.6 px (34.9 MP).
    expect(pdfRenderSize(2383.94, 3370.39)).toEqual({ ok: true, dpi: 150, widthPx: 4967, heightPx: 7022 })
  })

  it('lowers the resolution so the longest side is at most 10,000 px', () => {
    // 200 × 10 in: 10,000 px / 200 in = 50 dpi (the megapixel limit would allow 141 dpi).
    expect(pdfRenderSize(14400, 720)).toEqual({ ok: true, dpi: 50, widthPx: 10000, heightPx: 500 })
  })

  it('lowers the resolution to stay within 40 megapixels, rounding down where rounding would pass it', () => {
    // 60 × 40 in: √(40,000,000 / 2400) = 129.099 dpi → 7745.97 × 5163.98 px; rounded that is
    // 7746 × 5164 = 40,000,344 px (over), so 7745 × 5163 = 39,987,435 px.
    const size = pdfRenderSize(4320, 2880)
    expect(size).toMatchObject({ ok: true, widthPx: 7745, heightPx: 5163 })
    expect(size.ok && size.dpi).toBeCloseTo(129.099, 3)
  })

  it('refuses a sheet that fits the limits only below 50 dpi, saying its size', () => {
    // 200 × 200 in: at 50 dpi 10,000 × 10,000 px = 100 MP.
    expect(pdfRenderSize(14400, 14400)).toEqual({ ok: false, why: 'the page is 5080 × 5080 mm: even at 50 dpi it would be 10000 × 10000 px' })
  })

  it('refuses a page without a size', () => {
    expect(pdfRenderSize(0, 595)).toEqual({ ok: false, why: 'the page has no size' })
    expect(pdfRenderSize(Number.NaN, 595)).toEqual({ ok: false, why: 'the page has no size' })
  })
})

describe('naming and telling', () => {
  it('gives a sheet size in millimetres', () => {
    expect(pageSizeText(841.91998, 594.95996)).toBe('297 × 210 mm')
    expect(pageSizeText(612, 792)).toBe('216 × 279 mm') // US Letter, 8.5 × 11 in
  })

  it('names the plan after the PDF and its page, within 255 characters', () => {
    expect(pdfPlanFileName('garage.pdf', 2)).toBe('garage.pdf, page 2')
    const long = pdfPlanFileName(`${'x'.repeat(300)}.pdf`, 12)
    expect(long).toHaveLength(255)
    expect(long.endsWith('xxx, page 12')).toBe(true)
  })

  it('tells a PDF by its header within the first 1024 bytes', () => {
    const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)
    expect(isPdf(bytes('%PDF-1.4\n%âãÏÓ\n'))).toBe(true)
    expect(isPdf(bytes(`${' '.repeat(500)}%PDF-1.7\n`))).toBe(true)
    expect(isPdf(bytes(`${' '.repeat(1100)}%PDF-1.7\n`))).toBe(false)
    expect(isPdf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(false)
  })

  it('tells a password, a damaged file and anything else apart', () => {
    expect(pdfOpenFailure('PasswordException')).toBe('the PDF is protected by a password; save a copy without the password (or export the page as PNG) and import that')
    expect(pdfOpenFailure('InvalidPDFException')).toBe('the PDF is damaged (its structure cannot be read)')
    expect(pdfOpenFailure('UnknownErrorException')).toBe('the PDF cannot be read (it may be damaged)')
  })
})
