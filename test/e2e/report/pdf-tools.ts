/**
 * Helpers for the report's browser tier: run the real CLI, read PDFs with poppler (pdftotext,
 * pdfinfo, pdftoppm) and compare page images with pixelmatch.
 */
import { execFile, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pixelmatch from 'pixelmatch'
import { PNG } from 'pngjs'

const run = promisify(execFile)

/** The project folder (this file is test/e2e/report/pdf-tools.ts). */
export const ROOT = join(import.meta.dirname, '..', '..', '..')

/** Null when `tool` runs, else why not. */
export function missingTool(tool: string, args: readonly string[] = ['-v']): string | null {
  const r = spawnSync(tool, args, { stdio: 'ignore', timeout: 10000 })
  return r.error === undefined ? null : `${tool} is not installed (${r.error.message})`
}

/** Builds the app when the print page or the CLI is missing (npm test builds first anyway). */
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'out', 'renderer', 'report.html')) && existsSync(join(ROOT, 'out', 'main', 'cli.js'))) return
  const r = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' })
  if (r.status !== 0) throw new Error('electron-vite build failed')
}

let emptyDataDir: string | null = null

/**
 * The environment `cli` runs with by default: this one, with a data folder of its own that stays
 * empty, so the surveying company set on the machine running the tests (its real data folder) never
 * reaches a test's PDF.
 */
export function cliEnv(): NodeJS.ProcessEnv {
  emptyDataDir ??= mkdtempSync(join(tmpdir(), 'wc-report-data-'))
  return { ...process.env, WC_SURVEY_DATA_DIR: emptyDataDir }
}

/** Runs `wc-survey report …`; resolves with the exit code and output, never rejects on exit ≠ 0. */
export async function cli(args: readonly string[], env: NodeJS.ProcessEnv = cliEnv()): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin', 'wc-survey.js'), 'report', ...args], { cwd: ROOT, env, timeout: 240000, maxBuffer: 16 * 1024 * 1024 })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string } // execFile's rejection carries the exit code and output
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }
  }
}

/**
 * The PDF's text: `layout` keeps the page's columns (good for "label value" checks), `raw` keeps
 * content order (a wrapped table cell stays together).
 */
export async function pdfText(pdf: string, mode: 'layout' | 'raw' = 'layout'): Promise<string> {
  return (await run('pdftotext', [`-${mode}`, '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout
}

/** Every image in the PDF as `pdfimages -list` gives it (page 1-based, stored width and height in px). */
export async function pdfImages(pdf: string): Promise<{ page: number; width: number; height: number }[]> {
  const { stdout } = await run('pdfimages', ['-list', pdf])
  // Two header lines, then: page, num, type, width, height, …
  return stdout
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c.length > 4 && c[2] === 'image')
    .map((c) => ({ page: Number(c[0]), width: Number(c[3]), height: Number(c[4]) }))
}

/** Page count and page size in points, from pdfinfo. */
export async function pdfInfo(pdf: string): Promise<{ pages: number; width: number; height: number }> {
  const { stdout } = await run('pdfinfo', [pdf])
  const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1])
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(stdout)
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) }
}

/** Renders every page at `dpi` and returns the PNG files in page order. */
export async function renderPages(pdf: string, dpi: number): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wc-report-pages-'))
  await run('pdftoppm', ['-r', String(dpi), '-png', pdf, join(dir, 'page')])
  return readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f))
}

export function readPng(path: string): PNG {
  return PNG.sync.read(readFileSync(path))
}

/**
 * Share of "ink" (pixels darker than light grey) between the header and footer bands: a page with
 * only its header and footer has almost none.
 */
export function bodyInk(png: PNG, bandPx: number): number {
  let ink = 0
  let total = 0
  for (let y = bandPx; y < png.height - bandPx; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4
      total++
      if (Math.min(png.data[i] ?? 255, png.data[i + 1] ?? 255, png.data[i + 2] ?? 255) < 200) ink++
    }
  }
  return total === 0 ? 0 : ink / total
}

/** Share of pixels that differ (pixelmatch, anti-aliasing ignored); 1 when the sizes differ. */
export function diffRatio(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) return 1
  const differing = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.15 })
  return differing / (a.width * a.height)
}
