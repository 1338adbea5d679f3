/**
 * The company logo as main checks it (issue 16 item 7a): PNG and JPEG told by their bytes, size from
 * the header, metadata removed as for photos; GIF, HEIC, WebP, SVG, other files, over-size and
 * damaged files refused with a message naming the file.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import exifr from 'exifr'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { checkCompanyLogo } from '../../../src/main/settings/company-logo'
import { base64ToBytes } from '../../../src/shared/map/plan-image'

const LIMITS = 'A logo is PNG or JPEG, up to 1 MB and 4,096 px on the longest side.'

function png(width: number, height: number): Uint8Array {
  const image = new PNG({ width, height })
  image.data.fill(0xff)
  return new Uint8Array(PNG.sync.write(image))
}

describe('checkCompanyLogo', () => {
  it('a PNG: kept with its type and size from the IHDR, nothing removed', () => {
    const bytes = png(300, 120)
    const outcome = checkCompanyLogo('acme.png', bytes)
    expect(outcome).toMatchObject({ ok: true, logo: { mediaType: 'image/png', widthPx: 300, heightPx: 120 }, removed: [] })
    expect(outcome.ok ? [...(base64ToBytes(outcome.logo.data) ?? [])] : null).toEqual([...bytes])
  })

  it('a camera JPEG with GPS (DSCN0010.jpg, 640 × 480): kept as JPEG without its location', async () => {
    const outcome = checkCompanyLogo('logo.jpg', new Uint8Array(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'photos', 'DSCN0010.jpg'))))
    expect(outcome).toMatchObject({ ok: true, logo: { mediaType: 'image/jpeg', widthPx: 640, heightPx: 480 } })
    if (!outcome.ok) throw new Error(outcome.message)
    expect(outcome.removed.join(' ')).toMatch(/location/i)
    expect(await exifr.gps(Buffer.from(base64ToBytes(outcome.logo.data) ?? []))).toBeUndefined()
  })

  it('the type comes from the bytes, not the name: a PNG called logo.jpg is a PNG', () => {
    expect(checkCompanyLogo('logo.jpg', png(2, 2))).toMatchObject({ ok: true, logo: { mediaType: 'image/png' } })
  })

  it.each([
    ['a GIF', 'anim.gif', new Uint8Array(Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1')), 'it is a GIF image; save it as PNG'],
    [
      'a HEIC',
      'IMG_0042.HEIC',
      new Uint8Array([0, 0, 0, 0x18, ...Buffer.from('ftypheic'), 0, 0, 0, 0, ...Buffer.from('mif1heic'), 0, 0, 1, 0xb7, ...Buffer.from('meta')]),
      'it is a HEIC image, which Chromium, and so the report, does not show on Linux or Windows; export it as PNG or JPEG'
    ],
    ['a WebP', 'logo.webp', new Uint8Array([...Buffer.from('RIFF'), 0x24, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]), 'it is a WebP image; save it as PNG'],
    ['an SVG', 'logo.svg', new Uint8Array(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')), 'it is an SVG drawing; export it as PNG'],
    ['a PDF', 'logo.pdf', new Uint8Array(Buffer.from('%PDF-1.7\n')), 'it is a PDF, not an image'],
    ['a text file', 'logo.png', new Uint8Array(Buffer.from('not an image at all')), 'it is not a PNG or JPEG image'],
    ['an empty file', 'empty.png', new Uint8Array(0), 'the file is empty']
  ])('%s is refused naming the file', (_what, name, bytes, why) => {
    const outcome = checkCompanyLogo(name, bytes)
    expect(outcome).toEqual({ ok: false, reason: expect.any(String), message: `${name} cannot be the company logo: ${why}. ${LIMITS}` })
  })

  it('over 1 MB is refused saying its size', () => {
    const big = new Uint8Array(1024 * 1024 + 1)
    big.set(png(2, 2))
    expect(checkCompanyLogo('huge.png', big)).toEqual({ ok: false, reason: 'too-large', message: `huge.png cannot be the company logo: it is 1.0 MB. ${LIMITS}` })
  })

  it('4097 px on a side is refused saying its size; 4096 is kept', () => {
    expect(checkCompanyLogo('wide.png', png(4097, 1))).toEqual({ ok: false, reason: 'too-large', message: `wide.png cannot be the company logo: it is 4097 × 1 px. ${LIMITS}` })
    expect(checkCompanyLogo('edge.png', png(4096, 1))).toMatchObject({ ok: true, logo: { widthPx: 4096, heightPx: 1 } })
  })

  it('a PNG cut short after its header is refused as damaged', () => {
    const outcome = checkCompanyLogo('cut.png', png(10, 10).subarray(0, 40))
    expect(outcome).toMatchObject({ ok: false, reason: 'damaged' })
    expect(outcome.ok ? '' : outcome.message).toMatch(/^cut\.png cannot be the company logo: /)
  })
})
