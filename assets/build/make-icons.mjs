// Regenerates the app icons from icon.svg (the source of truth): Chromium renders the SVG
// (ImageMagick's built-in SVG renderer draws arcs wrongly), ImageMagick makes the sizes and the
// Windows .ico. electron-builder turns icon.png into .icns itself on macOS builds.
// Run: node assets/build/make-icons.mjs   (needs /usr/bin/chromium and ImageMagick `convert`)
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))
const svg = readFileSync(join(here, 'icon.svg'), 'utf8').replace('width="512" height="512"', 'width="1024" height="1024"')
const master = join(here, 'icon-1024.png')
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
})
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } })
  await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`)
  await page.screenshot({ path: master, omitBackground: true, clip: { x: 0, y: 0, width: 1024, height: 1024 } })
} finally {
  await browser.close()
}
const convert = (...args) => execFileSync('convert', args, { stdio: 'inherit' })
convert(master, '-resize', '512x512', '-strip', join(here, 'icon.png'))
mkdirSync(join(here, 'icons'), { recursive: true })
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
  convert(master, '-resize', `${size}x${size}`, '-strip', join(here, 'icons', `${size}x${size}.png`))
}
convert(master, '-strip', '-define', 'icon:auto-resize=256,128,64,48,32,24,16', join(here, 'icon.ico'))
