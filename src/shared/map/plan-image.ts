/**
 * Floor plan files: what kind of image a file is and how many pixels it has, read from its own
 * header (PNG IHDR, JPEG SOF, the SVG root's width/height/viewBox), never from its name or the
 * type a browser guessed. Used on import (before anything is kept) and on load (a plan damaged
 * inside a survey file is reported by name; the rest of the survey opens as saved).
 *
 * Pure: no Node, DOM or Electron.
 */
import { PLAN_LIMITS, type Plan, type PlanMediaType } from '../model/survey-map'
import type { Survey } from '../model/survey'
import { PDF_PLAN_DPI } from './pdf-plan'

/** A plan file's type and size in pixels, or why it cannot be a plan. */
export type PlanInspection =
  | { readonly ok: true; readonly mediaType: PlanMediaType; readonly widthPx: number; readonly heightPx: number }
  | {
      readonly ok: false
      /** What is wrong, in a few words ("it is not a PNG, JPEG or SVG image"). */
      readonly why: string
      /** The whole refusal, naming the file and the limits. */
      readonly message: string
    }

/** The limits in words, for the import control and every refusal. */
export const PLAN_LIMITS_TEXT = `PNG, JPEG or SVG, or one page of a PDF (kept as a PNG drawn at up to ${PDF_PLAN_DPI} dpi); up to ${PLAN_LIMITS.maxBytes / 1048576} MB and ${PLAN_LIMITS.maxSidePx.toLocaleString('en-US')} px on the longest side (${PLAN_LIMITS.maxPixels / 1e6} megapixels); all plans of a survey together up to ${PLAN_LIMITS.maxTotalBytes / 1048576} MB`

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function u16(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0)
}

function u32(b: Uint8Array, at: number): number {
  return (((b[at] ?? 0) << 24) >>> 0) + (((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0))
}

/** A PNG's width and height from its IHDR; null when it has none. */
export function pngSize(b: Uint8Array): { w: number; h: number } | null {
  // Signature, then the IHDR chunk first: length 13, "IHDR", width, height.
  if (b.length < 33 || b[12] !== 0x49 || b[13] !== 0x48 || b[14] !== 0x44 || b[15] !== 0x52) return null
  return { w: u32(b, 16), h: u32(b, 20) }
}

/** JPEG: walk the marker segments to the first start-of-frame (SOF0–SOF15 but DHT, JPG, DAC). */
export function jpegSize(b: Uint8Array): { w: number; h: number } | null {
  let at = 2
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null
    const marker = b[at + 1] ?? 0
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    if (marker === 0xd9 || marker === 0xda) return null // end of image or scan data before any frame
    const length = u16(b, at + 2)
    if (length < 2) return null
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { w: u16(b, at + 7), h: u16(b, at + 5) }
    }
    at += 2 + length
  }
  return null
}

/** A CSS length of an SVG root attribute in px (px, unitless; mm/cm/in/pt converted at 96 dpi). */
function svgLength(value: string | undefined): number | null {
  if (value === undefined) return null
  const m = /^\s*([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*(px|mm|cm|in|pt)?\s*$/i.exec(value)
  if (!m) return null
  const n = Number(m[1])
  const perUnit: Record<string, number> = { px: 1, mm: 96 / 25.4, cm: 96 / 2.54, in: 96, pt: 96 / 72 }
  return n * (perUnit[(m[2] ?? 'px').toLowerCase()] ?? 1)
}

function svgSize(text: string): { w: number; h: number } | null {
  const root = /<svg\b([^>]*)>/i.exec(text.slice(0, 64 * 1024))
  if (!root) return null
  const attrs = new Map<string, string>()
  for (const a of (root[1] ?? '').matchAll(/([a-zA-Z:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) attrs.set((a[1] ?? '').toLowerCase(), a[3] ?? a[4] ?? '')
  const view = (attrs.get('viewbox') ?? '').trim().split(/[\s,]+/).map(Number)
  const viewW = view.length === 4 && view.every(Number.isFinite) ? view[2] ?? null : null
  const viewH = view.length === 4 && view.every(Number.isFinite) ? view[3] ?? null : null
  const w = svgLength(attrs.get('width')) ?? viewW
  const h = svgLength(attrs.get('height')) ?? viewH
  return w !== null && h !== null ? { w: Math.round(w), h: Math.round(h) } : null
}

function startsWith(b: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((v, i) => b[i] === v)
}

/** The whole refusal of a plan file: names the file, says why and the limits. */
export function planRefusal(fileName: string, why: string): string {
  return `${fileName} cannot be a floor plan: ${why}. Plans are ${PLAN_LIMITS_TEXT}.`
}

/**
 * Reads a plan file's type and pixel size from its bytes and checks the limits. `fileName` only
 * names the file in messages.
 */
export function inspectPlanBytes(bytes: Uint8Array, fileName: string): PlanInspection {
  const refuse = (why: string): PlanInspection => ({ ok: false, why, message: planRefusal(fileName, why) })
  if (bytes.length === 0) return refuse('the file is empty')
  if (bytes.length > PLAN_LIMITS.maxBytes) return refuse(`it is ${(bytes.length / 1048576).toFixed(1)} MB`)
  let mediaType: PlanMediaType
  let size: { w: number; h: number } | null
  if (startsWith(bytes, PNG_SIGNATURE)) {
    mediaType = 'image/png'
    size = pngSize(bytes)
  } else if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    mediaType = 'image/jpeg'
    size = jpegSize(bytes)
  } else {
    const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64 * 1024))
    if (!/^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg\b/i.test(head)) {
      // A PDF is imported as a PNG of one page (src/renderer/src/map/import-plan.ts): never kept as a PDF.
      if (head.startsWith('%PDF')) return refuse('it is a PDF, not an image')
      return refuse('it is not a PNG, JPEG or SVG image')
    }
    mediaType = 'image/svg+xml'
    size = svgSize(head)
    if (size === null) return refuse('the SVG gives no width and height (or viewBox)')
  }
  if (size === null || size.w < 1 || size.h < 1) return refuse('its header is damaged (no readable width and height)')
  if (Math.max(size.w, size.h) > PLAN_LIMITS.maxSidePx || size.w * size.h > PLAN_LIMITS.maxPixels) {
    return refuse(`it is ${size.w} × ${size.h} px`)
  }
  return { ok: true, mediaType, widthPx: size.w, heightPx: size.h }
}

/** Base64 of bytes (btoa works on binary strings; chunked to stay under argument limits). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Bytes of base64 text; null when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Decoded size of base64 text, without decoding it. */
export function base64ByteLength(data: string): number {
  return (data.length / 4) * 3 - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0)
}

/** Decoded size of a plan's base64 data, without decoding it. */
export function planByteLength(plan: Plan): number {
  return base64ByteLength(plan.data)
}

/** Why a plan kept in a survey cannot be shown (damaged, or not what it says it is); null when it is sound. */
export function planProblem(plan: Plan): string | null {
  const bytes = base64ToBytes(plan.data)
  if (bytes === null) return `the plan ${plan.fileName} is damaged (its data is not base64)`
  const seen = inspectPlanBytes(bytes, plan.fileName)
  if (!seen.ok) return `the plan ${plan.fileName} is damaged (${seen.why})`
  if (seen.mediaType !== plan.mediaType || seen.widthPx !== plan.widthPx || seen.heightPx !== plan.heightPx) {
    return `the plan ${plan.fileName} is damaged (the image is not the ${plan.widthPx} × ${plan.heightPx} ${plan.mediaType} it was saved as)`
  }
  return null
}

/** Every damaged plan of a survey, as one message per level naming the level and the plan file. */
export function planProblems(survey: Survey): readonly { readonly levelId: string; readonly message: string }[] {
  const out: { levelId: string; message: string }[] = []
  for (const level of survey.map.levels) {
    if (level.plan === null) continue
    const problem = planProblem(level.plan)
    if (problem !== null) out.push({ levelId: level.id, message: `Level ${level.name}: ${problem}. Everything else in the survey opened as saved; import the plan again.` })
  }
  return out
}

/** The plan as a data: URL for an <img> (an SVG in an <img> runs no script and loads nothing). */
export function planDataUrl(plan: Plan): string {
  return `data:${plan.mediaType};base64,${plan.data}`
}
