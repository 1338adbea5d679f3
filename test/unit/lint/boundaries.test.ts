// The boundaries ARCHITECTURE.md asks lint to enforce, checked by running the project's own ESLint
// configuration on small sources placed at real paths: each rule here fails when it is undone.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { ESLint } from 'eslint'

const eslint = new ESLint({ cwd: process.cwd() })
// The first type-aware lint builds the TypeScript program of the project: slow on a loaded machine.
vi.setConfig({ testTimeout: 120000, hookTimeout: 240000 })
beforeAll(async () => {
  await eslint.lintText('export {}\n', { filePath: 'src/main/dispatch.ts' })
})

/** Rule ids ESLint reports for `code` as if it were the file at `path`. */
async function rulesHit(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path })
  const fatal = result?.messages.find((m) => m.fatal)
  if (fatal) throw new Error(`${path}: ${fatal.message}`)
  return (result?.messages ?? []).map((m) => m.ruleId ?? '(none)')
}

describe('Electron stays in the glue (src/main/electron, src/preload)', () => {
  const electronImport = "import { app } from 'electron'\nexport const name = app.getName()\n"

  it.each(['src/main/report/export-report.ts', 'src/main/handlers.ts', 'src/main/dispatch.ts', 'src/main/service-deps.ts', 'src/main/security/urls.ts', 'src/cli/index.ts'])(
    'a service module may not import electron: %s',
    async (path) => {
      expect(await rulesHit(path, electronImport)).toContain('no-restricted-imports')
    }
  )

  it.each(['src/main/electron/main.ts', 'src/main/electron/window.ts'])('the glue may: %s', async (path) => {
    expect(await rulesHit(path, electronImport)).not.toContain('no-restricted-imports')
  })
})

describe("Node's built-ins come from node:module, not a typed list", () => {
  // worker_threads, zlib and readline were missing from the old hand-written list.
  it.each(['worker_threads', 'zlib', 'readline', 'node:zlib', 'fs/promises'])('shared/ may not import %s', async (name) => {
    expect(await rulesHit('src/shared/model/probe.ts', `import * as m from '${name}'\nexport const x = m\n`)).toContain('no-restricted-imports')
  })

  it('a local module that shares a built-in name is not caught (./events is not node:events)', async () => {
    expect(await rulesHit('src/renderer/src/state/selectors.ts', "import * as m from './events'\nexport const x = m\n")).not.toContain('no-restricted-imports')
  })

  it('the renderer may not import a built-in either', async () => {
    expect(await rulesHit('src/renderer/src/state/selectors.ts', "import * as m from 'worker_threads'\nexport const x = m\n")).toContain('no-restricted-imports')
  })
})

describe('the preload imports names, not schemas', () => {
  it.each([
    "import { z } from 'zod'\nexport const s = z.string()\n",
    "import { requestArgs } from '../shared/contract'\nexport const n = Object.keys(requestArgs)\n"
  ])('refused: %s', async (code) => {
    expect(await rulesHit('src/preload/index.ts', code)).toContain('@typescript-eslint/no-restricted-imports')
  })

  it('types from the contract and the names map are fine', async () => {
    const code = "import type { Api } from '../shared/contract'\nimport { eventNames } from '../shared/contract-names'\nexport const n: readonly string[] = eventNames\nexport type A = Api\n"
    expect(await rulesHit('src/preload/index.ts', code)).not.toContain('@typescript-eslint/no-restricted-imports')
  })
})

describe('type-aware rules', () => {
  it('a promise nobody handles is an error (no-floating-promises)', async () => {
    const code = 'async function save(): Promise<void> {}\nexport function run(): void {\n  save()\n}\n'
    expect(await rulesHit('src/main/dispatch.ts', code)).toContain('@typescript-eslint/no-floating-promises')
  })

  it('an async callback where a void one is expected is an error (no-misused-promises)', async () => {
    const code = "import { EventEmitter } from 'node:events'\nexport function wire(e: EventEmitter): void {\n  e.on('x', async () => {})\n  ;[1].forEach(async () => {})\n  if (Promise.resolve(1)) e.emit('x')\n}\n"
    expect(await rulesHit('src/main/dispatch.ts', code)).toContain('@typescript-eslint/no-misused-promises')
  })

  it('a switch over a union must name every member (switch-exhaustiveness-check)', async () => {
    const code = "export function label(v: 'a' | 'b' | 'c'): string {\n  switch (v) {\n    case 'a':\n      return 'A'\n    default:\n      return '?'\n  }\n}\n"
    expect(await rulesHit('src/main/dispatch.ts', code)).toContain('@typescript-eslint/switch-exhaustiveness-check')
  })
})

describe('every `as` says why (local/cast-needs-why)', () => {
  it('a bare cast is an error; a commented one, `as const` and the widening `as unknown` are not', async () => {
    expect(await rulesHit('src/main/dispatch.ts', 'export const n = JSON.parse("1") as number\n')).toContain('local/cast-needs-why')
    expect(await rulesHit('src/main/dispatch.ts', '// Cast: the literal above is a number.\nexport const n = JSON.parse("1") as number\n')).not.toContain('local/cast-needs-why')
    expect(await rulesHit('src/main/dispatch.ts', "export const k = ['a'] as const\n")).not.toContain('local/cast-needs-why')
    expect(await rulesHit('src/main/dispatch.ts', 'export const u = JSON.parse("1") as unknown\n')).not.toContain('local/cast-needs-why')
  })
})
