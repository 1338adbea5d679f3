/**
 * One photo as the renderer sent it, made ready to keep: refused with a message naming the file
 * when it is not a JPEG or PNG (HEIC said as such), too large, damaged or cut short; else its
 * location data and other metadata removed (strip-metadata.ts), its pixels counted from the
 * stripped file's own header. Main never writes it anywhere: the renderer puts it in the survey,
 * which main saves atomically like every other edit.
 *
 * Electron-free: tested in plain Node.
 */
import type { PhotoImportOutcome } from '../../shared/contract'
import { PHOTO_LIMITS } from '../../shared/model/photo'
import { bytesToBase64, jpegSize, pngSize } from '../../shared/map/plan-image'
import { heicRefusal, isHeif, photoRefusal } from '../../shared/photos/photo-format'
import { stripMetadata } from './strip-metadata'

const megabytes = (n: number): string => `${(n / 1048576).toFixed(1)} MB`

export function importPhoto(fileName: string, bytes: Uint8Array): PhotoImportOutcome {
  const refuse = (reason: 'unsupported' | 'too-large' | 'damaged', why: string): PhotoImportOutcome => ({ ok: false, reason, message: photoRefusal(fileName, why) })
  if (bytes.length === 0) return refuse('damaged', 'the file is empty')
  if (bytes.length > PHOTO_LIMITS.maxBytes) return refuse('too-large', `it is ${megabytes(bytes.length)}`)
  if (isHeif(bytes)) return { ok: false, reason: 'heic', message: heicRefusal(fileName) }
  const stripped = stripMetadata(bytes)
  if (!stripped.ok) return refuse(stripped.why.startsWith('it is not') ? 'unsupported' : 'damaged', stripped.why)
  const jpeg = stripped.bytes[0] === 0xff
  const size = jpeg ? jpegSize(stripped.bytes) : pngSize(stripped.bytes)
  if (size === null || size.w < 1 || size.h < 1) return refuse('damaged', 'its header is damaged (no readable width and height)')
  if (Math.max(size.w, size.h) > PHOTO_LIMITS.maxSidePx || size.w * size.h > PHOTO_LIMITS.maxPixels) {
    return refuse('too-large', `it is ${size.w} × ${size.h} px (${((size.w * size.h) / 1e6).toFixed(1)} megapixels)`)
  }
  return {
    ok: true,
    photo: {
      mediaType: jpeg ? 'image/jpeg' : 'image/png',
      widthPx: size.w,
      heightPx: size.h,
      orientation: stripped.orientation,
      removed: stripped.removed,
      data: bytesToBase64(stripped.bytes)
    }
  }
}
