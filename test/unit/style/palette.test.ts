/**
 * One palette, two sides (issue 16 item 10): styles/palette.css (the CSS custom properties) and
 * src/shared/style/palette.ts (the same colours as values, for charts, canvas and main) name the
 * same colours with the same values, and the CSS file holds nothing but them. rgbaOf reads the
 * pixels of a palette colour (the heatmap's bands).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PALETTE, rgbaOf } from '../../../src/shared/style/palette'

const CSS = readFileSync(join(process.cwd(), 'src/renderer/src/styles/palette.css'), 'utf8')

/** The custom properties of palette.css's one `:root` rule, in order, comments removed. */
function cssTokens(css: string): { rules: string[]; tokens: [string, string][] } {
  const bare = css.replace(/\/\*[\s\S]*?\*\//g, '')
  const rules = [...bare.matchAll(/([^{}]+)\{([^{}]*)\}/g)]
  const tokens: [string, string][] = []
  for (const decl of (rules[0]?.[2] ?? '').split(';')) {
    const d = decl.trim()
    if (d === '') continue
    const m = /^--([a-z0-9-]+)\s*:\s*(.+)$/s.exec(d)
    tokens.push(m === null ? ['(not a custom property)', d] : [m[1] ?? '', (m[2] ?? '').trim()])
  }
  return { rules: rules.map((r) => (r[1] ?? '').trim()), tokens }
}

describe('styles/palette.css and shared/style/palette.ts', () => {
  const { rules, tokens } = cssTokens(CSS)

  it('palette.css is one :root rule of custom properties', () => {
    expect(rules).toEqual([':root'])
    expect(tokens.filter(([name]) => name === '(not a custom property)')).toEqual([])
    expect(tokens.length).toBeGreaterThan(100)
  })

  it('the same names with the same values, in the same order', () => {
    expect(tokens).toEqual(Object.entries(PALETTE))
  })

  it('a value changed on one side only is caught', () => {
    const changed = cssTokens(CSS.replace('--bg: #f4f6f8;', '--bg: #f4f5f7;')).tokens
    expect(changed).not.toEqual(Object.entries(PALETTE))
    const added = cssTokens(CSS.replace(':root {', ':root {\n  --extra: #000000;')).tokens
    expect(added).not.toEqual(Object.entries(PALETTE))
  })

  it('rgbaOf: #rrggbb is opaque, #rrggbbaa keeps its alpha', () => {
    // --bg #f4f6f8; --heat-pass #2f9e4478 (47, 158, 68 at 120/255); --heat-unmeasured #868e9624.
    expect(rgbaOf('bg')).toEqual([244, 246, 248, 255])
    expect(rgbaOf('heat-pass')).toEqual([47, 158, 68, 120])
    expect(rgbaOf('heat-unmeasured')).toEqual([134, 142, 150, 36])
    expect(() => rgbaOf('scrim')).toThrow(/scrim/)
  })
})
