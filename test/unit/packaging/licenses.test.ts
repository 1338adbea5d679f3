// Issue 7 item 5: the runtime dependencies' licences are listed (docs/runtime-licenses.md, kept
// in step with package-lock.json) and every one is in the permissive allow-list.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isAllowed, LICENSES_DOC, renderMarkdown, runtimePackages } from '../../../scripts/licenses.js'

describe('runtime licences', () => {
  const rows = runtimePackages()

  it('lists every package.json dependency and no dev tooling', () => {
    // Cast: our own package.json.
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> }
    const names = rows.map((r) => r.name)
    expect(names).toEqual(expect.arrayContaining(Object.keys(pkg.dependencies)))
    for (const dev of ['vitest', 'electron', 'electron-builder', 'typescript', 'eslint']) expect(names).not.toContain(dev)
  })

  it('every runtime licence is in the allow-list', () => {
    expect(rows.filter((r) => !isAllowed(r.licence)).map((r) => `${r.name}@${r.version}: ${r.licence}`)).toEqual([])
  })

  it('docs/runtime-licenses.md is up to date (regenerate: node scripts/licenses.js --write)', () => {
    expect(readFileSync(LICENSES_DOC, 'utf8')).toBe(renderMarkdown(rows))
  })

  it('the SPDX check reads OR and AND and rejects copyleft', () => {
    expect(isAllowed('(MIT OR GPL-3.0)')).toBe(true)
    expect(isAllowed('MIT AND GPL-3.0')).toBe(false)
    expect(isAllowed('GPL-3.0')).toBe(false)
    expect(isAllowed('UNKNOWN')).toBe(false)
  })
})
