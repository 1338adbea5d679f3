/**
 * Floor plan files (issue 11 items 1 and 9): type and pixel size read from the bytes, limits,
 * refusals that name the file, and damage found in a plan kept inside a survey.
 */
import { describe, expect, it } from 'vitest'
import { base64ToBytes, bytesToBase64, inspectPlanBytes, planByteLength, planProblem } from '../../../src/shared/map/plan-image'
import type { Plan } from '../../../src/shared/model/survey-map'

/** A PNG signature and IHDR chunk claiming `w` × `h` (the rest of the file is not read). */
function pngHeader(w: number, h: number): Uint8Array {
  const b = new Uint8Array(33)
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  new DataView(b.buffer).setUint32(16, w)
  new DataView(b.buffer).setUint32(20, h)
  return b
}

/** SOI, an APP0 (JFIF) segment of 16 bytes, then SOF2 (progressive) 8-bit, height 1200, width 1900. */
const jpeg = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  0xff, 0xc2, 0x00, 0x11, 0x08, 0x04, 0xb0, 0x07, 0x6c, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01
])

const text = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('inspectPlanBytes', () => {
  it('reads PNG, JPEG and SVG sizes from the files themselves', () => {
    expect(inspectPlanBytes(pngHeader(6000, 4000), 'p1.png')).toEqual({ ok: true, mediaType: 'image/png', widthPx: 6000, heightPx: 4000 })
    expect(inspectPlanBytes(jpeg, 'scan.jpg')).toEqual({ ok: true, mediaType: 'image/jpeg', widthPx: 1900, heightPx: 1200 })
    expect(inspectPlanBytes(text('<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"></svg>'), 'a.svg')).toEqual({
      ok: true,
      mediaType: 'image/svg+xml',
      widthPx: 1200,
      heightPx: 800
    })
    // viewBox only; and width in millimetres (210 mm at 96 dpi = 793.7 px).
    expect(inspectPlanBytes(text("<svg viewBox='0 0 1600 900'/>"), 'b.svg')).toMatchObject({ ok: true, widthPx: 1600, heightPx: 900 })
    expect(inspectPlanBytes(text('<svg width="210mm" height="297mm"/>'), 'c.svg')).toMatchObject({ ok: true, widthPx: 794, heightPx: 1123 })
  })

  it('goes by the bytes, not the name: a PNG named .jpg is a PNG', () => {
    expect(inspectPlanBytes(pngHeader(10, 10), 'plan.jpg')).toMatchObject({ ok: true, mediaType: 'image/png' })
  })

  it.each([
    ['an empty file', new Uint8Array(0), 'empty.png', 'empty.png cannot be a floor plan: the file is empty'],
    ['a text file', text('hello, this is a note'), 'notes.png', 'notes.png cannot be a floor plan: it is not a PNG, JPEG or SVG image'],
    // Only an image is kept in a survey: a PDF is imported as a PNG of one page (pdf-plan.test.ts).
    ['a PDF', text('%PDF-1.7\n...'), 'plan.pdf', 'plan.pdf cannot be a floor plan: it is a PDF, not an image'],
    ['a PNG cut inside its header', pngHeader(10, 10).subarray(0, 20), 'cut.png', 'cut.png cannot be a floor plan: its header is damaged (no readable width and height)'],
    ['a JPEG with no frame header', jpeg.subarray(0, 20), 'cut.jpg', 'cut.jpg cannot be a floor plan: its header is damaged'],
    ['an SVG without a size', text('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'nosize.svg', 'nosize.svg cannot be a floor plan: the SVG gives no width and height (or viewBox)'],
    ['a side over 10,000 px', pngHeader(12000, 500), 'long.png', 'long.png cannot be a floor plan: it is 12000 × 500 px'],
    ['over 40 megapixels', pngHeader(8000, 6000), 'big.png', 'big.png cannot be a floor plan: it is 8000 × 6000 px'],
    ['over 10 MB', new Uint8Array(10 * 1048576 + 1), 'huge.png', 'huge.png cannot be a floor plan: it is 10.0 MB']
  ])('refuses %s, naming the file and the limits', (_what, bytes, name, start) => {
    const seen = inspectPlanBytes(bytes, name)
    expect(seen.ok).toBe(false)
    if (seen.ok) return
    expect(seen.message.startsWith(start)).toBe(true)
    expect(seen.message).toContain('Plans are PNG, JPEG or SVG, or one page of a PDF (kept as a PNG drawn at up to 150 dpi); up to 10 MB and 10,000 px on the longest side (40 megapixels)')
  })
})

describe('a plan kept in a survey', () => {
  const good: Plan = { fileName: 'p1.png', mediaType: 'image/png', widthPx: 300, heightPx: 200, data: bytesToBase64(pngHeader(300, 200)) }

  it('round-trips its bytes through base64 and knows its size without decoding', () => {
    const bytes = new Uint8Array(70000).map((_, i) => (i * 31) & 255)
    const data = bytesToBase64(bytes)
    expect(base64ToBytes(data)).toEqual(bytes)
    expect(planByteLength({ ...good, data })).toBe(70000)
    expect(planByteLength({ ...good, data: bytesToBase64(new Uint8Array(4)) })).toBe(4)
    expect(base64ToBytes('not base64!')).toBeNull()
  })

  it('is sound, or says what is damaged', () => {
    expect(planProblem(good)).toBeNull()
    expect(planProblem({ ...good, data: 'AAA' })).toBe('the plan p1.png is damaged (its data is not base64)')
    expect(planProblem({ ...good, data: bytesToBase64(text('garbage')) })).toBe('the plan p1.png is damaged (it is not a PNG, JPEG or SVG image)')
    expect(planProblem({ ...good, widthPx: 301 })).toBe('the plan p1.png is damaged (the image is not the 301 × 200 image/png it was saved as)')
  })
})
