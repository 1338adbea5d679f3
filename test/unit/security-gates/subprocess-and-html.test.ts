// ARCHITECTURE.md security must-haves 6, 7 and 8 across src/: shell.openExternal only in the one
// http(s)-only helper; no shell for subprocesses; hostile text never parsed as HTML.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkNoHtmlSinks, checkNoShell, checkOpenExternal, readSources } from './source-checks'
import { flipped, SECURE_MAIN, SECURE_RENDERER } from './secure-sample'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const src = readSources(root, 'src')
const renderer = readSources(root, 'src/renderer')
const main = (from: string, to: string) => flipped('m.ts', SECURE_MAIN, from, to)

describe('src/ passes (must-haves 6, 7, 8)', () => {
  it('shell.openExternal appears only in one helper that allows http(s) only', () => {
    expect(checkOpenExternal(src)).toEqual([])
  })
  it('no exec/execSync, no require(child_process), no shell: true anywhere in src', () => {
    expect(checkNoShell(src)).toEqual([])
  })
  it('no dangerouslySetInnerHTML / innerHTML / insertAdjacentHTML / document.write in src (renderer included)', () => {
    expect(renderer.length).toBeGreaterThan(0)
    expect(checkNoHtmlSinks(src)).toEqual([])
  })
})

describe('the checkers reject each flip', () => {
  it('accept the secure samples', () => {
    expect(checkOpenExternal([{ path: 'm.ts', text: SECURE_MAIN }])).toEqual([])
    expect(checkNoShell([{ path: 'm.ts', text: SECURE_MAIN }])).toEqual([])
    expect(checkNoHtmlSinks([{ path: 'r.tsx', text: SECURE_RENDERER }])).toEqual([])
  })

  it('openExternal outside the helper, a second helper, or a helper without the protocol check is reported', () => {
    const second = { path: 'other.ts', text: "import { shell } from 'electron'\nvoid shell.openExternal(link)" }
    expect(checkOpenExternal([{ path: 'm.ts', text: SECURE_MAIN }, second])).toEqual(['other.ts:2: shell.openExternal outside the one open-external helper'])
    expect(checkOpenExternal(main('safeOpenExternal(raw, (u) => shell.openExternal(u))', 'void shell.openExternal(raw)'))).toEqual([
      'm.ts:27: shell.openExternal outside the one open-external helper'
    ])
    const twoHelpers = { path: 'h.ts', text: 'export function openExternalUnchecked(u: string) { return u }' }
    expect(checkOpenExternal([{ path: 'm.ts', text: SECURE_MAIN }, twoHelpers]).join('\n')).toMatch(/exactly one open-external helper function .*found 2/)
    expect(checkOpenExternal(main("url.protocol !== 'https:' && url.protocol !== 'http:'", 'false')).join('\n')).toMatch(/only the http:\/https: protocols/)
    expect(checkOpenExternal(main("url.protocol !== 'http:'", "url.protocol !== 'file:'")).join('\n')).toMatch(/mentions file:/)
  })

  it.each([
    ["import { execFile } from 'node:child_process'", "import { exec } from 'node:child_process'", /imports exec from child_process/],
    ["import { execFile } from 'node:child_process'", "import { execSync as run } from 'child_process'", /imports execSync/],
    ["import { execFile } from 'node:child_process'", "import * as cp from 'node:child_process'\nconst execFile = (..._a: unknown[]) => cp.exec('iw dev')", /cp\.exec runs a shell/],
    ["import { execFile } from 'node:child_process'", "const { execFile } = require('child_process')", /require\('child_process'\)/],
    ['{ timeout: 10000 }', '{ timeout: 10000, shell: true }', /shell: true/],
    ['{ timeout: 10000 }', "{ timeout: 10000, shell: '/bin/sh' }", /shell: '\/bin\/sh'/]
  ])('subprocess: %s → %s is reported', (from, to, message) => {
    const problems = checkNoShell(main(from, to))
    expect(problems.join('\n')).toMatch(message)
  })

  it('RegExp#exec is not a shell (no false alarm)', () => {
    expect(checkNoShell([{ path: 'p.ts', text: 'export const m = /a(b)/.exec(line)' }])).toEqual([])
  })

  it.each([
    ['<td title={ssid}>{ssid}</td>', '<td dangerouslySetInnerHTML={{ __html: ssid }} />', /dangerouslySetInnerHTML/],
    ['return <td', 'cell.innerHTML = ssid\n  return <td', /innerHTML parses HTML/],
    ['return <td', "cell['outerHTML'] = ssid\n  return <td", /outerHTML parses HTML/],
    ['return <td', "cell.insertAdjacentHTML('beforeend', ssid)\n  return <td", /insertAdjacentHTML/],
    ['return <td', 'document.write(ssid)\n  return <td', /document\.write/],
    ['return <td', 'const p = { dangerouslySetInnerHTML: { __html: ssid } }\n  return <td', /dangerouslySetInnerHTML/]
  ])('renderer: %s → %s is reported', (from, to, message) => {
    const [file] = flipped('r.tsx', SECURE_RENDERER, from, to)
    expect(checkNoHtmlSinks([file!]).join('\n')).toMatch(message)
  })
})
