/**
 * Removes location data (and every other metadata block) from a photo without re-encoding it:
 * the JPEG's segments and the PNG's chunks are walked and copied, the image data byte for byte.
 *
 * JPEG: every APP1 (EXIF with its GPS IFD, maker notes and thumbnail; XMP, which phones fill with
 * the location too), APP13 (Photoshop/IPTC: city, sublocation), APP3–APP12 and APP15 (vendor
 * blocks), APP2 other than the ICC colour profile (FlashPix, MPF: its index points at the extra
 * images after the end of the photo, which carry their own EXIF) and COM (free text) are dropped,
 * and so is anything after the end of the image. Kept: JFIF (APP0), the ICC profile (APP2), Adobe
 * (APP14: the decoder needs its colour transform), the tables, frame and scans.
 *
 * Orientation: rather than rewriting the camera's EXIF without its GPS IFD (maker notes are opaque
 * blobs that may hold a position too, and their offsets break when the EXIF is rebuilt) or turning
 * the pixels (a lossless JPEG rotation must split MCUs; anything else re-encodes), a new minimal
 * EXIF with one entry, Orientation, is written where it was not 1. Browsers, Chromium's PDF
 * output and photo viewers honour it; nothing else of the camera's EXIF is kept.
 *
 * PNG: eXIf (read for its orientation first, then rewritten minimal like the JPEG's) and the text
 * chunks tEXt, zTXt, iTXt (XMP and free text; a compressed one cannot be checked for a place
 * without inflating it, so none is kept) are dropped, and so is anything after IEND.
 *
 * Electron-free: plain Node (zlib's CRC-32 for the rewritten PNG chunk), tested in Node.
 */
import { crc32 } from 'node:zlib'

/** A photo with its metadata removed, or why it cannot be read. */
export type StripOutcome =
  | {
      readonly ok: true
      readonly bytes: Uint8Array
      /** EXIF orientation 1–8 (1 when none or unreadable), kept in the stripped file. */
      readonly orientation: number
      /** What was removed, in words; empty when the file carried none of it. */
      readonly removed: readonly string[]
    }
  | { readonly ok: false; readonly why: string }

const u16be = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0)
const u32be = (b: Uint8Array, at: number): number => (((b[at] ?? 0) << 24) >>> 0) + (((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0))

function startsWithText(b: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false
  return true
}

/** One entry of IFD0: its type, count and the value's first SHORT (for a SHORT stored in place). */
interface TiffEntry {
  readonly type: number
  readonly count: number
  readonly short: number
}

/**
 * The entries of IFD0 of a TIFF stream (EXIF without its "Exif\0\0" header) by tag, or null when
 * the stream is malformed: every offset is checked against the stream.
 */
function ifd0(tiff: Uint8Array): Map<number, TiffEntry> | null {
  if (tiff.length < 8) return null
  const little = tiff[0] === 0x49 && tiff[1] === 0x49
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null
  const u16 = (at: number): number => (little ? (tiff[at] ?? 0) | ((tiff[at + 1] ?? 0) << 8) : u16be(tiff, at))
  const u32 = (at: number): number => (little ? u16(at) + u16(at + 2) * 0x10000 : u32be(tiff, at))
  if (u16(2) !== 42) return null
  const ifd = u32(4)
  if (ifd + 2 > tiff.length) return null
  const entries = new Map<number, TiffEntry>()
  for (let i = 0; i < u16(ifd); i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > tiff.length) return null
    entries.set(u16(entry), { type: u16(entry + 2), count: u32(entry + 4), short: u16(entry + 8) })
  }
  return entries
}

/** The Orientation (tag 0x0112, one SHORT) of a TIFF stream's IFD0; null when none or malformed. */
export function tiffOrientation(tiff: Uint8Array): number | null {
  const o = ifd0(tiff)?.get(0x0112)
  return o !== undefined && o.type === 3 && o.count === 1 && o.short >= 1 && o.short <= 8 ? o.short : null
}

/** True when a TIFF stream's IFD0 points at a GPS IFD (tag 0x8825). */
function tiffHasGps(tiff: Uint8Array): boolean {
  return ifd0(tiff)?.has(0x8825) ?? false
}

/** A TIFF stream with IFD0 holding Orientation only (big-endian, 26 bytes). */
export function minimalTiff(orientation: number): Uint8Array {
  return Uint8Array.from([
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // "MM", 42, IFD0 at 8
    0x00, 0x01, // one entry
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, orientation >> 8, orientation & 0xff, 0x00, 0x00, // Orientation, SHORT, 1 value
    0x00, 0x00, 0x00, 0x00 // no IFD1 (no thumbnail)
  ])
}

/** The APP1 segment of a minimal EXIF (marker, length, "Exif\0\0", the TIFF stream). */
function minimalExifSegment(orientation: number): Uint8Array {
  const tiff = minimalTiff(orientation)
  const length = 2 + 6 + tiff.length
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00, ...tiff])
}

const EXIF_HEADER = 'Exif\0\0'
const XMP_HEADERS = ['http://ns.adobe.com/xap/1.0/\0', 'http://ns.adobe.com/xmp/extension/\0']

/** Markers that stand alone (no length): TEM, RST0–7, SOI, EOI. */
function standalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)
}

/** What one marker segment before/between the scans is, for keeping or dropping it. */
function jpegSegmentVerdict(b: Uint8Array, marker: number, body: number): { keep: true } | { keep: false; what: string } {
  if (marker === 0xe1) {
    if (startsWithText(b, body, EXIF_HEADER)) return { keep: false, what: 'EXIF' }
    if (XMP_HEADERS.some((h) => startsWithText(b, body, h))) return { keep: false, what: 'XMP' }
    return { keep: false, what: 'other metadata (APP1)' }
  }
  if (marker === 0xe2) return startsWithText(b, body, 'ICC_PROFILE\0') ? { keep: true } : { keep: false, what: 'FlashPix or multi-picture index (APP2)' }
  if (marker === 0xed) return { keep: false, what: 'IPTC (Photoshop)' }
  if (marker === 0xfe) return { keep: false, what: 'comment' }
  if (marker === 0xe0 || marker === 0xee) return { keep: true }
  if (marker >= 0xe3 && marker <= 0xef) return { keep: false, what: `vendor metadata (APP${marker - 0xe0})` }
  return { keep: true }
}

function stripJpeg(b: Uint8Array): StripOutcome {
  const out: Uint8Array[] = [b.subarray(0, 2)]
  const removed = new Set<string>()
  let orientation: number | null = null
  let hadGps = false
  let exifAt = -1 // index in `out` after which the minimal EXIF goes
  let at = 2
  let sawFrame = false
  for (;;) {
    if (at + 1 >= b.length) return { ok: false, why: 'the file ends before the image does (it is cut short)' }
    if (b[at] !== 0xff) return { ok: false, why: `the JPEG structure is damaged (no marker at byte ${at})` }
    const marker = b[at + 1] ?? 0
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    if (marker === 0xd9) {
      if (!sawFrame) return { ok: false, why: 'the JPEG has no image in it (no frame before its end)' }
      out.push(b.subarray(at, at + 2))
      if (at + 2 < b.length) removed.add('data after the end of the photo (extra images, thumbnails)')
      break
    }
    if (standalone(marker)) {
      out.push(b.subarray(at, at + 2))
      at += 2
      continue
    }
    if (at + 4 > b.length) return { ok: false, why: 'the file ends before the image does (it is cut short)' }
    const length = u16be(b, at + 2)
    const end = at + 2 + length
    if (length < 2 || end > b.length) return { ok: false, why: 'the file ends before the image does (it is cut short)' }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) sawFrame = true
    const verdict = jpegSegmentVerdict(b, marker, at + 4)
    if (verdict.keep) {
      out.push(b.subarray(at, end))
      if (marker === 0xe0 && out.length === 2) exifAt = 1 // JFIF stays first, the EXIF follows it
    } else {
      removed.add(verdict.what)
      if (verdict.what === 'EXIF') {
        const tiff = b.subarray(at + 4 + EXIF_HEADER.length, end)
        orientation ??= tiffOrientation(tiff)
        hadGps ||= tiffHasGps(tiff)
      }
    }
    at = end
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart (RSTn).
      if (!sawFrame) return { ok: false, why: 'the JPEG structure is damaged (a scan before any frame)' }
      const scanStart = at
      while (at + 1 < b.length && !(b[at] === 0xff && b[at + 1] !== 0x00 && !((b[at + 1] ?? 0) >= 0xd0 && (b[at + 1] ?? 0) <= 0xd7))) at++
      if (at + 1 >= b.length) return { ok: false, why: 'the file ends before the image does (it is cut short)' }
      out.push(b.subarray(scanStart, at))
    }
  }
  const kept = orientation ?? 1
  if (kept !== 1) out.splice(exifAt === 1 ? 2 : 1, 0, minimalExifSegment(kept))
  return { ok: true, bytes: concat(out), orientation: kept, removed: describe(removed, hadGps) }
}

/** The removed blocks in words, GPS named first (the UI says "location data removed"). */
function describe(removed: ReadonlySet<string>, hadGps: boolean): string[] {
  const words = [...removed].map((w) => (w === 'EXIF' ? 'camera details (EXIF)' : w === 'XMP' ? 'XMP metadata' : w))
  return hadGps ? ['GPS location', ...words] : words
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const PNG_TEXT_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt'])

/** One PNG chunk (length, type, data, CRC over type and data). */
function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typed = Uint8Array.from([...type].map((c) => c.charCodeAt(0)).concat([...data]))
  const crc = crc32(typed) >>> 0
  const length = data.length
  return Uint8Array.from([length >>> 24, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff, ...typed, crc >>> 24, (crc >> 16) & 0xff, (crc >> 8) & 0xff, crc & 0xff])
}

function stripPng(b: Uint8Array): StripOutcome {
  const out: Uint8Array[] = [b.subarray(0, 8)]
  const removed = new Set<string>()
  let orientation: number | null = null
  let hadGps = false
  let idatAt = -1 // index in `out` of the first IDAT: the eXIf goes before it
  let at = 8
  for (;;) {
    if (at + 12 > b.length) return { ok: false, why: 'the file ends before the image does (it is cut short)' }
    const length = u32be(b, at)
    const end = at + 12 + length
    if (end > b.length) return { ok: false, why: 'the file ends before the image does (it is cut short)' }
    const type = String.fromCharCode(...b.subarray(at + 4, at + 8))
    if (out.length === 1 && type !== 'IHDR') return { ok: false, why: 'the PNG structure is damaged (it does not start with IHDR)' }
    if (type === 'eXIf') {
      const tiff = b.subarray(at + 8, end - 4)
      orientation ??= tiffOrientation(tiff)
      hadGps ||= tiffHasGps(tiff)
      removed.add('EXIF')
    } else if (PNG_TEXT_CHUNKS.has(type)) {
      removed.add('text metadata (tEXt, zTXt, iTXt)')
    } else {
      if (type === 'IDAT' && idatAt < 0) idatAt = out.length
      out.push(b.subarray(at, end))
    }
    at = end
    if (type === 'IEND') {
      if (at < b.length) removed.add('data after the end of the image')
      break
    }
  }
  if (idatAt < 0) return { ok: false, why: 'the PNG has no image data (no IDAT)' }
  const kept = orientation ?? 1
  if (kept !== 1) out.splice(idatAt, 0, pngChunk('eXIf', minimalTiff(kept)))
  return { ok: true, bytes: concat(out), orientation: kept, removed: describe(removed, hadGps) }
}

/** Strips a JPEG or PNG (by its signature); anything else is not one. */
export function stripMetadata(bytes: Uint8Array): StripOutcome {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return stripJpeg(bytes)
  if (PNG_SIGNATURE.every((v, i) => bytes[i] === v)) return stripPng(bytes)
  return { ok: false, why: 'it is not a JPEG or PNG image' }
}
