/**
 * What kind of file a photo is, from its own bytes (never its name), and the words for refusing
 * one. Shared by main (which strips and keeps JPEG and PNG) and the renderer (which tries to
 * decode a HEIC before giving up on it).
 *
 * Pure: no Node, DOM or Electron.
 */
import { PHOTO_LIMITS_TEXT } from '../model/photo'

/** ISO-BMFF brands of HEIF still images (HEVC-coded or the generic image brands). */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'])

/**
 * True for a HEIC/HEIF file: an ISO-BMFF `ftyp` box first whose major or a compatible brand is a
 * HEIF image brand (an iPhone writes major `heic`, compatible `mif1`, `heic`).
 */
export function isHeif(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || String.fromCharCode(...bytes.subarray(4, 8)) !== 'ftyp') return false
  const boxSize = Math.min(bytes.length, ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0))
  const brands = [8, ...Array.from({ length: Math.max(0, Math.floor((boxSize - 16) / 4)) }, (_, i) => 16 + i * 4)]
  return brands.some((at) => HEIF_BRANDS.has(String.fromCharCode(...bytes.subarray(at, at + 4))))
}

/** The whole refusal of a file as a photo, naming it and the limits. */
export function photoRefusal(fileName: string, why: string): string {
  return `${fileName} cannot be added as a photo: ${why}. Photos are ${PHOTO_LIMITS_TEXT}.`
}

/** Why a HEIC photo is refused where the platform cannot decode it, and what to do instead. */
export function heicRefusal(fileName: string): string {
  return (
    `${fileName} is a HEIC photo, which cannot be shown here: Chromium, and so this app, does not decode HEIC on Linux or Windows. ` +
    'Export it as JPEG first (macOS Photos: File › Export, Photo Kind JPEG; on an iPhone: Settings › Camera › Formats › Most Compatible) and add that.'
  )
}
