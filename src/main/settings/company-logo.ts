/**
 * The company logo as main checks it (issue 16 item 7): a PNG or JPEG told by its own bytes
 * (never its name), its width and height read from its header (the plan readers: PNG IHDR, JPEG
 * SOF), within COMPANY_LOGO_LIMITS; metadata removed losslessly as for photos (strip-metadata.ts:
 * EXIF with any GPS, XMP, text chunks; nothing re-encoded). GIF, HEIC, WebP, SVG and anything
 * else are refused with a message naming the file.
 *
 * Electron-free: tested in plain Node.
 */
import type { CompanyLogoOutcome } from '../../shared/contract'
import { COMPANY_LOGO_LIMITS, companyLogoRefusal, type CompanyLogo } from '../../shared/model/company'
import { base64ToBytes, bytesToBase64, jpegSize, pngSize } from '../../shared/map/plan-image'
import { isHeif } from '../../shared/photos/photo-format'
import { stripMetadata } from '../photos/strip-metadata'

const ascii = (b: Uint8Array, at: number, text: string): boolean => [...text].every((c, i) => b[at + i] === c.charCodeAt(0))

/** What a file that is not a PNG or JPEG is, in a few words; null when it may be one. */
function otherKind(bytes: Uint8Array): string | null {
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'it is a GIF image; save it as PNG'
  if (isHeif(bytes)) return 'it is a HEIC image, which Chromium, and so the report, does not show on Linux or Windows; export it as PNG or JPEG'
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'it is a WebP image; save it as PNG'
  if (ascii(bytes, 0, '%PDF')) return 'it is a PDF, not an image'
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096))
  if (/^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg\b/i.test(head)) return 'it is an SVG drawing; export it as PNG'
  return null
}

const megabytes = (n: number): string => `${(n / 1048576).toFixed(1)} MB`

type Inspection =
  | { readonly ok: true; readonly logo: CompanyLogo; readonly removed: readonly string[] }
  | { readonly ok: false; readonly reason: 'unsupported' | 'too-large' | 'damaged'; readonly why: string }

function inspectLogo(bytes: Uint8Array): Inspection {
  const refuse = (reason: 'unsupported' | 'too-large' | 'damaged', why: string): Inspection => ({ ok: false, reason, why })
  if (bytes.length === 0) return refuse('damaged', 'the file is empty')
  if (bytes.length > COMPANY_LOGO_LIMITS.maxBytes) return refuse('too-large', `it is ${megabytes(bytes.length)}`)
  const other = otherKind(bytes)
  if (other !== null) return refuse('unsupported', other)
  const stripped = stripMetadata(bytes)
  if (!stripped.ok) return refuse(stripped.why.startsWith('it is not') ? 'unsupported' : 'damaged', stripped.why.replace('a JPEG or PNG', 'a PNG or JPEG'))
  const jpeg = stripped.bytes[0] === 0xff
  const size = jpeg ? jpegSize(stripped.bytes) : pngSize(stripped.bytes)
  if (size === null || size.w < 1 || size.h < 1) return refuse('damaged', 'its header is damaged (no readable width and height)')
  if (Math.max(size.w, size.h) > COMPANY_LOGO_LIMITS.maxSidePx) return refuse('too-large', `it is ${size.w} × ${size.h} px`)
  return {
    ok: true,
    logo: { mediaType: jpeg ? 'image/jpeg' : 'image/png', data: bytesToBase64(stripped.bytes), widthPx: size.w, heightPx: size.h },
    removed: stripped.removed
  }
}

/**
 * Checks a picked logo file's bytes and makes them ready to keep: the stripped image, its type
 * and pixel size (as stored, before any EXIF orientation); or why it cannot be the logo, naming
 * the file. `fileName` only names the file in messages.
 */
export function checkCompanyLogo(fileName: string, bytes: Uint8Array): CompanyLogoOutcome {
  const inspected = inspectLogo(bytes)
  return inspected.ok ? inspected : { ok: false, reason: inspected.reason, message: companyLogoRefusal(fileName, inspected.why) }
}

/**
 * Why a logo that claims to be checked (read from the settings file, or sent back in a save) is
 * not what it says, or null when it is: its bytes must be a PNG or JPEG of the type and pixel
 * size it names, within the limits. A hand-edited file cannot slip other bytes into the report.
 */
export function storedLogoProblem(logo: CompanyLogo): string | null {
  const bytes = base64ToBytes(logo.data)
  if (bytes === null) return 'its image data is not base64'
  const inspected = inspectLogo(bytes)
  if (!inspected.ok) return inspected.why
  if (inspected.logo.mediaType !== logo.mediaType) return `its data is ${inspected.logo.mediaType}, not ${logo.mediaType}`
  if (inspected.logo.widthPx !== logo.widthPx || inspected.logo.heightPx !== logo.heightPx) {
    return `it says ${logo.widthPx} × ${logo.heightPx} px but its image is ${inspected.logo.widthPx} × ${inspected.logo.heightPx} px`
  }
  return null
}
