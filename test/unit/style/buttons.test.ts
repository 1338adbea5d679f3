/**
 * One set of button styles (issue 16 item 10, review note): the house button `.btn` and its
 * variants are styled in styles/app.css only. The Live page's own global `.btn` rule (no border,
 * 13 px, weight 600) once restyled every button of the app whenever its CSS was loaded; its Start
 * and Stop now use the app's btn-primary and btn-danger.
 */
import { describe, expect, it } from 'vitest'
import { readSources, type SourceFile } from '../security-gates/source-checks'

/** Rules outside styles/app.css whose selector styles `.btn` itself (not `.btn` inside a component, not `.sort-btn`). */
function buttonRules(files: readonly SourceFile[]): string[] {
  const found: string[] = []
  for (const file of files) {
    if (file.path === 'src/renderer/src/styles/app.css') continue
    const bare = file.text.replace(/\/\*[\s\S]*?\*\//g, '')
    for (const m of bare.matchAll(/([^{}]+)\{/g)) {
      const selector = (m[1] ?? '').trim()
      if (selector.split(',').some((s) => /^(?::where\()?\.btn(?:-[a-z-]+)?(?![\w-])[^\s]*$/.test(s.trim()))) found.push(`${file.path}: ${selector}`)
    }
  }
  return found
}

describe('button styles live in styles/app.css only', () => {
  it('no other stylesheet styles .btn or a .btn-* variant on its own', () => {
    expect(buttonRules(readSources(process.cwd(), 'src/renderer', /\.css$/))).toEqual([])
  })
  it.each([
    ['.btn { border: 0; }', 1],
    ['.btn:disabled { opacity: 0.5; }', 1],
    ['.btn-start { background: red; }', 1],
    ['.scan-bar .btn { margin: 0; }', 0],
    ['.sort-btn { border: 0; }', 0]
  ])('%s → %i', (css, n) => {
    expect(buttonRules([{ path: 'src/renderer/src/live/live.css', text: css }])).toHaveLength(n)
  })
})
