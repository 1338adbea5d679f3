/**
 * Location data removed from photos on import (issue 16 item 8), read back with exifr (an
 * independent reader, not the stripper's own parser): real camera JPEGs with GPS, a rotated JPEG,
 * a PNG with eXIf and text chunks, HEIC, damaged and over-limit files.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import exifr from 'exifr'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { importPhoto } from '../../../src/main/photos/import-photo'
import { stripMetadata } from '../../../src/main/photos/strip-metadata'
import { requestArgs } from '../../../src/shared/contract'
import { base64ToBytes } from '../../../src/shared/map/plan-image'

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'photos')
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(join(fixtures, name)))

/** Byte offset of the first start-of-scan marker (0xFFDA) at or after `from`. */
function sosAt(b: Uint8Array, from = 2): number {
  for (let i = from; i + 1 < b.length; i++) if (b[i] === 0xff && b[i + 1] === 0xda) return i
  return -1
}

function stripped(bytes: Uint8Array): { bytes: Uint8Array; orientation: number; removed: readonly string[] } {
  const outcome = stripMetadata(bytes)
  if (!outcome.ok) throw new Error(outcome.why)
  return outcome
}

const endsWith = (whole: Uint8Array, tail: Uint8Array): boolean => Buffer.from(whole.subarray(whole.length - tail.length)).equals(Buffer.from(tail))

describe('JPEG: a Nikon COOLPIX P6000 photo with GPS (DSCN0010.jpg)', () => {
  const original = read('DSCN0010.jpg')

  it('has its position before (43.4674° N, 11.8851° E, as exifr reads it)', async () => {
    const gps = await exifr.gps(Buffer.from(original))
    expect(gps?.latitude).toBeCloseTo(43.46745, 4)
    expect(gps?.longitude).toBeCloseTo(11.88513, 4)
  })

  it('after: no GPS, no EXIF, no XMP at all; orientation 1 (none written); said what was removed', async () => {
    const out = stripped(original)
    expect(await exifr.gps(Buffer.from(out.bytes))).toBeUndefined()
    expect(await exifr.parse(Buffer.from(out.bytes), { tiff: true, gps: true, xmp: true, iptc: true, ifd1: true })).toBeUndefined()
    // Neither the camera's name nor its XMP packet is anywhere in the bytes.
    expect(Buffer.from(out.bytes).includes('COOLPIX')).toBe(false)
    expect(Buffer.from(out.bytes).includes('ns.adobe.com/xap')).toBe(false)
    expect(out.orientation).toBe(1)
    expect(out.removed).toEqual(['GPS location', 'camera details (EXIF)', 'XMP metadata'])
  })

  it('the image itself is byte-identical: the stripped file from its scan to its end is the original\'s last bytes, its tables the original\'s', () => {
    const out = stripped(original)
    // The stripped file has no EXIF thumbnail, so its first 0xFFDA is the photo's own scan.
    const sos = sosAt(out.bytes)
    expect(sos).toBeGreaterThan(0)
    expect(out.bytes.length - sos).toBeGreaterThan(140000) // the 161 713-byte file is mostly scan data
    expect(endsWith(original, out.bytes.subarray(sos))).toBe(true)
    // The original's segments (read by hand): APP1 Exif at 2, DQT at 11262, DHT at 11461, SOF0 at
    // 11881, APP1 XMP at 11900, SOS at 15933. Stripped: SOI, then DQT, DHT, SOF0 as they were.
    expect(Buffer.from(out.bytes.subarray(2, 2 + 11900 - 11262)).equals(Buffer.from(original.subarray(11262, 11900)))).toBe(true)
    expect(sos).toBe(2 + 11900 - 11262)
  })

  it('stripping twice changes nothing more', () => {
    const once = stripped(original).bytes
    const twice = stripMetadata(once)
    expect(twice.ok && Buffer.from(twice.bytes).equals(Buffer.from(once))).toBe(true)
    expect(twice.ok ? twice.removed : null).toEqual([])
  })
})

describe('JPEG: a rotated photo (EXIF orientation 6, Landscape_6.jpg)', () => {
  const original = read('Landscape_6.jpg')

  it('keeps orientation 6 in a minimal EXIF (Orientation only) and the scan data byte-identical', async () => {
    expect(await exifr.orientation(Buffer.from(original))).toBe(6)
    const out = stripped(original)
    expect(out.orientation).toBe(6)
    expect(await exifr.orientation(Buffer.from(out.bytes))).toBe(6)
    // IFD0 holds Orientation and nothing else (the original had resolution and positioning too).
    expect(await exifr.parse(Buffer.from(out.bytes), { tiff: true, exif: true, gps: true, ifd1: true, translateValues: false })).toEqual({ Orientation: 6 })
    const sos = sosAt(out.bytes)
    expect(endsWith(original, out.bytes.subarray(sos))).toBe(true)
    // SOI, JFIF APP0 (16 bytes + marker), then the minimal EXIF: FFE1, length 34, "Exif\0\0", "MM".
    expect([...out.bytes.subarray(20, 32)]).toEqual([0xff, 0xe1, 0x00, 0x22, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00, 0x4d, 0x4d])
  })
})

/** One PNG chunk, CRC written by hand-rolled CRC-32 (the table algorithm of the PNG spec). */
function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), Buffer.from(data)])
  let crc = 0xffffffff
  for (const byte of body) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1
  }
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0, 8 + data.length)
  return out
}

/**
 * A TIFF stream (little-endian) with IFD0 = { Orientation: 8, GPS IFD pointer } and a GPS IFD
 * { GPSLatitudeRef: "N", GPSLongitudeRef: "E" }.
 */
function tiffWithGps(): Buffer {
  const t = Buffer.alloc(8 + 2 + 24 + 4 + 2 + 24 + 4)
  t.write('II', 0, 'latin1')
  t.writeUInt16LE(42, 2)
  t.writeUInt32LE(8, 4)
  t.writeUInt16LE(2, 8)
  // Orientation SHORT 1 = 8
  t.writeUInt16LE(0x0112, 10); t.writeUInt16LE(3, 12); t.writeUInt32LE(1, 14); t.writeUInt16LE(8, 18)
  // GPS IFD pointer LONG 1 = 38
  t.writeUInt16LE(0x8825, 22); t.writeUInt16LE(4, 24); t.writeUInt32LE(1, 26); t.writeUInt32LE(38, 30)
  t.writeUInt32LE(0, 34)
  t.writeUInt16LE(2, 38)
  // GPSLatitudeRef ASCII 2 "N\0", GPSLongitudeRef ASCII 2 "E\0"
  t.writeUInt16LE(0x0001, 40); t.writeUInt16LE(2, 42); t.writeUInt32LE(2, 44); t.write('N\0', 48, 'latin1')
  t.writeUInt16LE(0x0003, 52); t.writeUInt16LE(2, 54); t.writeUInt32LE(2, 56); t.write('E\0', 60, 'latin1')
  t.writeUInt32LE(0, 64)
  return t
}

describe('PNG: a phone screenshot with eXIf (GPS, orientation 8) and text chunks', () => {
  const image = new PNG({ width: 4, height: 3 })
  for (let i = 0; i < image.data.length; i++) image.data[i] = (i * 37) % 256
  const plain = PNG.sync.write(image)
  // Signature + IHDR (8 + 25 bytes), then our chunks, then the encoder's IDAT… IEND.
  const withMeta = Buffer.concat([
    plain.subarray(0, 33),
    chunk('eXIf', tiffWithGps()),
    chunk('tEXt', Buffer.from('Comment\0taken at 51.5007 N, 0.1246 W', 'latin1')),
    chunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta><exif:GPSLatitude>51,30.04N</exif:GPSLatitude></x:xmpmeta>', 'latin1')),
    plain.subarray(33)
  ])

  it('before: exifr reads its GPS IFD', async () => {
    expect(await exifr.parse(withMeta, { tiff: true, gps: true, translateValues: false, reviveValues: false })).toMatchObject({ Orientation: 8, GPSLatitudeRef: 'N' })
  })

  it('after: no GPS, no text; orientation 8 kept in a minimal eXIf before IDAT; the pixels and IDAT untouched', async () => {
    const out = stripped(new Uint8Array(withMeta))
    const b = Buffer.from(out.bytes)
    expect(out.orientation).toBe(8)
    expect(out.removed).toEqual(['GPS location', 'camera details (EXIF)', 'text metadata (tEXt, zTXt, iTXt)'])
    expect(await exifr.gps(b)).toBeUndefined()
    expect(await exifr.parse(b, { tiff: true, gps: true, xmp: true, ihdr: false, translateValues: false })).toEqual({ Orientation: 8 })
    expect(b.includes('tEXt') || b.includes('iTXt') || b.includes('51.5007') || b.includes('xmpmeta')).toBe(false)
    // Signature + IHDR, the new eXIf (12 + 26 bytes), then the encoder's chunks exactly.
    expect(b.subarray(0, 33).equals(plain.subarray(0, 33))).toBe(true)
    expect(b.subarray(37, 41).toString('latin1')).toBe('eXIf')
    expect(b.subarray(33 + 38).equals(plain.subarray(33))).toBe(true)
    expect(PNG.sync.read(b).data.equals(image.data)).toBe(true)
  })
})

describe('importPhoto: what the renderer is answered', () => {
  it('a camera JPEG: kept as JPEG with its size from the header and what was removed', () => {
    const outcome = importPhoto('DSCN0010.jpg', read('DSCN0010.jpg'))
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.photo).toMatchObject({ mediaType: 'image/jpeg', widthPx: 640, heightPx: 480, orientation: 1, removed: ['GPS location', 'camera details (EXIF)', 'XMP metadata'] })
    expect(base64ToBytes(outcome.photo.data)?.length).toBe(146420)
  })

  it('HEIC (an iPhone ftyp box: major heic, compatible mif1 heic): refused saying Chromium does not decode it and how to get a JPEG', () => {
    const heic = new Uint8Array([0, 0, 0, 0x18, ...Buffer.from('ftypheic'), 0, 0, 0, 0, ...Buffer.from('mif1heic'), 0, 0, 1, 0xb7, ...Buffer.from('meta')])
    const outcome = importPhoto('IMG_0042.HEIC', heic)
    expect(outcome).toMatchObject({ ok: false, reason: 'heic' })
    expect(!outcome.ok && outcome.message).toMatch(/^IMG_0042\.HEIC is a HEIC photo, which cannot be shown here: Chromium, and so this app, does not decode HEIC on Linux or Windows\. Export it as JPEG first \(macOS Photos/)
    // A generic HEIF image brand alone (mif1 as the major brand) is HEIF too.
    const mif1 = new Uint8Array([0, 0, 0, 0x10, ...Buffer.from('ftypmif1'), 0, 0, 0, 0])
    expect(importPhoto('a.heif', mif1)).toMatchObject({ ok: false, reason: 'heic' })
  })

  it('an MP4 (ftyp isom) is not HEIC: just not a photo', () => {
    const mp4 = new Uint8Array([0, 0, 0, 0x14, ...Buffer.from('ftypisom'), 0, 0, 2, 0, ...Buffer.from('isom')])
    expect(importPhoto('clip.jpg', mp4)).toMatchObject({ ok: false, reason: 'unsupported', message: expect.stringMatching(/^clip\.jpg cannot be added as a photo: it is not a JPEG or PNG image\. Photos are JPEG or PNG, up to 8 MB/) })
  })

  it('a JPEG cut short (first 100 000 of 161 713 bytes): damaged, named, "cut short"', () => {
    const outcome = importPhoto('DSCN0010-part.jpg', read('DSCN0010.jpg').subarray(0, 100000))
    expect(outcome).toMatchObject({ ok: false, reason: 'damaged', message: expect.stringMatching(/^DSCN0010-part\.jpg cannot be added as a photo: the file ends before the image does \(it is cut short\)/) })
  })

  it('a JPEG whose segment chain is broken (the JFIF length points into nowhere): damaged', () => {
    const broken = read('DSCN0010.jpg').slice()
    broken[5] = 0x11 // APP0 length 16 → 17: the next "marker" is a data byte
    expect(importPhoto('broken.jpg', broken)).toMatchObject({ ok: false, reason: 'damaged', message: expect.stringContaining('broken.jpg cannot be added as a photo: the JPEG structure is damaged') })
  })

  it('over the byte limit (8 MB + 1): refused by size before anything is read', () => {
    const big = new Uint8Array(8 * 1024 * 1024 + 1)
    big.set([0xff, 0xd8, 0xff, 0xe0])
    expect(importPhoto('huge.jpg', big)).toMatchObject({ ok: false, reason: 'too-large', message: expect.stringMatching(/^huge\.jpg cannot be added as a photo: it is 8\.0 MB\. Photos are JPEG or PNG, up to 8 MB and 50 megapixels each; 6 photos per location; all photos of a survey together up to 24 MB\.$/) })
  })

  it('over the pixel limit (a frame header saying 10000 × 6000): refused naming the size', () => {
    const b = read('Landscape_6.jpg').slice()
    // The SOF0 segment: FFC0, length, precision, then height and width (big-endian).
    const sof = Buffer.from(b).indexOf(Buffer.from([0xff, 0xc0]))
    b.set([6000 >> 8, 6000 & 0xff, 10000 >> 8, 10000 & 0xff], sof + 5)
    expect(importPhoto('tall.jpg', b)).toMatchObject({ ok: false, reason: 'too-large', message: expect.stringContaining('tall.jpg cannot be added as a photo: it is 10000 × 6000 px (60.0 megapixels)') })
  })

  it('the contract refuses extra keys and data that is not base64 before main reads anything', () => {
    const args = requestArgs['photo:import']
    expect(args.safeParse([{ fileName: 'a.jpg', data: 'AAAA' }]).success).toBe(true)
    expect(args.safeParse([{ fileName: 'a.jpg', data: 'AAAA', path: '/etc/passwd' }]).success).toBe(false)
    expect(args.safeParse([{ fileName: 'a.jpg', data: '<img src=x>' }]).success).toBe(false)
    expect(args.safeParse([{ fileName: '', data: 'AAAA' }]).success).toBe(false)
  })
})
