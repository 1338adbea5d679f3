// ARCHITECTURE.md security must-have 4: the CSP in index.html and in the main process's response
// header both carry default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkHtmlCsp, checkMainCsp, cspProblems, readSources } from './source-checks'
import { flipped, SECURE_HTML, SECURE_MAIN } from './secure-sample'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const indexHtml = { path: 'src/renderer/index.html', text: readFileSync(`${root}/src/renderer/index.html`, 'utf8') }
const pages = readSources(root, 'src/renderer', /\.html$/)

describe('CSP in the app (must-have 4)', () => {
  it('every page in src/renderer (index.html, report.html, …) has the required directives', () => {
    expect(pages.map((p) => p.path)).toContain('src/renderer/index.html')
    expect(pages.flatMap(checkHtmlCsp)).toEqual([])
  })
  it('src/main sets a CSP header with the required directives', () => {
    expect(checkMainCsp(readSources(root, 'src/main'))).toEqual([])
  })
})

describe('the CSP checkers reject each flip', () => {
  it('accept the secure samples', () => {
    expect(checkHtmlCsp({ path: 'i.html', text: SECURE_HTML })).toEqual([])
    expect(checkMainCsp([{ path: 'm.ts', text: SECURE_MAIN }])).toEqual([])
  })

  it.each([
    ["script-src 'self'", "script-src 'self' 'unsafe-inline'", /script-src must be exactly 'self'/],
    ["script-src 'self'", "script-src 'self' 'unsafe-eval'", /script-src/],
    ["object-src 'none'", "object-src 'self'", /object-src must be exactly 'none'/],
    ["; base-uri 'none'", '', /lacks base-uri/],
    ["default-src 'self'", 'default-src *', /default-src/]
  ])('index.html: %s → %s is reported', (from, to, message) => {
    const [file] = flipped('i.html', SECURE_HTML, from, to)
    expect(checkHtmlCsp(file!).join('\n')).toMatch(message)
  })

  it('index.html without a CSP meta tag is reported', () => {
    expect(checkHtmlCsp({ path: 'i.html', text: '<html><head></head></html>' })[0]).toMatch(/exactly one Content-Security-Policy meta/)
  })

  it('the real index.html flipped to allow inline scripts is reported', () => {
    const text = indexHtml.text.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    expect(text).not.toBe(indexHtml.text)
    expect(checkHtmlCsp({ path: indexHtml.path, text })).not.toEqual([])
  })

  it('a main-process CSP missing object-src, or no CSP string at all, is reported', () => {
    expect(checkMainCsp(flipped('m.ts', SECURE_MAIN, " object-src 'none';", ''))[0]).toMatch(/lacks object-src 'none'/)
    expect(checkMainCsp(flipped('m.ts', SECURE_MAIN, 'default-src', 'img-src'))[0]).toMatch(/no Content-Security-Policy string/)
  })

  it('a policy built from an array of directives is checked as one policy', () => {
    const text = `export const CSP = ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'"].join('; ')`
    expect(checkMainCsp([{ path: 'a.ts', text }])).toEqual([])
    expect(checkMainCsp([{ path: 'a.ts', text: text.replace(`"base-uri 'none'"`, `"base-uri *"`) }])[0]).toMatch(/base-uri must be exactly 'none'/)
  })

  it('cspProblems parses directives regardless of spacing and case', () => {
    expect(cspProblems("DEFAULT-SRC 'self' ;script-src   'self';object-src 'none';base-uri 'none'", 'x')).toEqual([])
  })

  it("default-src 'none' (stricter) is accepted; extra default sources are rejected", () => {
    expect(cspProblems("default-src 'none'; script-src 'self'; object-src 'none'; base-uri 'none'", 'x')).toEqual([])
    expect(cspProblems("default-src 'self' https:; script-src 'self'; object-src 'none'; base-uri 'none'", 'x')).toHaveLength(1)
  })
})
