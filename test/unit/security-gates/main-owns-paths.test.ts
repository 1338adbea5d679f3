// Main owns every path (ARCHITECTURE.md "Lessons from the first landing", issue 17 item 5): no
// request lets the renderer name a file to write. Surveys are opaque handles (a pattern), browser
// mode destinations are file names (main's folders, main/survey/confined-path.ts); the one request
// that takes a typed path is survey:openPath, which only reads and is refused in Electron.
import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { requestArgs } from '../../../src/shared/contract'

/** Requests allowed a free-text path argument, and why. */
const PATH_READERS: Readonly<Record<string, string>> = {
  'survey:openPath': 'browser mode has no open dialog; the file is read, and written only if it lies in the surveys folder'
}

const PATH_LIKE_NAME = /^(path|dir|folder|destination|dest|output|target)$|(Path|Dir|Folder)$/

type Json = { readonly [key: string]: unknown }

function walk(node: unknown, visit: (n: Json) => void): void {
  if (Array.isArray(node)) for (const item of node) walk(item, visit)
  else if (typeof node === 'object' && node !== null) {
    visit(node as Json) // a JSON Schema node is a plain object
    for (const value of Object.values(node)) walk(value, visit)
  }
}

/** Problems: argument properties named like a path, and free-text string arguments (not a handle or a file name). */
export function pathArguments(requests: Readonly<Record<string, z.ZodType>>): string[] {
  const problems: string[] = []
  for (const [name, schema] of Object.entries(requests)) {
    const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' })
    walk(json, (n) => {
      const properties = n.properties
      if (typeof properties !== 'object' || properties === null) return
      for (const key of Object.keys(properties)) if (PATH_LIKE_NAME.test(key)) problems.push(`${name}: argument property "${key}" names a path`)
    })
    // Cast: the web API answers JSON; the test reads only what it asserts.
    const items = (json as Json).prefixItems
    for (const [index, item] of (Array.isArray(items) ? items : []).entries()) {
      const arg = item as Json // a tuple item's JSON Schema
      const freeText = arg.type === 'string' && arg.pattern === undefined && (typeof arg.maxLength !== 'number' || arg.maxLength > 255)
      if (freeText && PATH_READERS[name] === undefined) problems.push(`${name}: argument ${index} is free text (a path?), not a handle or a file name`)
    }
  }
  return problems
}

describe('main owns every path', () => {
  it('no request of the contract takes a path, except the allow-listed reader', () => {
    expect(Object.keys(requestArgs).length).toBeGreaterThan(10)
    expect(pathArguments(requestArgs)).toEqual([])
    // The allow-list is not stale: the reader still exists and is the only free-text one.
    expect(pathArguments({ 'survey:openPath': requestArgs['survey:openPath'] })).toEqual([])
    expect(pathArguments({ 'x:open': requestArgs['survey:openPath'] })).toEqual(['x:open: argument 0 is free text (a path?), not a handle or a file name'])
  })

  it('reports a path property, a destination folder and a free-text argument', () => {
    expect(
      pathArguments({
        'report:exportPdf': z.tuple([z.object({ paper: z.string(), path: z.string().optional() })]),
        'survey:export': z.tuple([z.object({ outputFolder: z.string() })]),
        'survey:save': z.tuple([z.string().min(1).max(4096), z.object({})])
      })
    ).toEqual([
      'report:exportPdf: argument property "path" names a path',
      'survey:export: argument property "outputFolder" names a path',
      'survey:save: argument 0 is free text (a path?), not a handle or a file name'
    ])
  })
})
