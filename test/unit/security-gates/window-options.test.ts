// ARCHITECTURE.md security must-haves 1 and 5 on src/main: literal secure webPreferences,
// app.enableSandbox(), new windows denied, navigation prevented, permissions denied. Each checker is
// also run on a copy of a secure sample with one setting flipped and must report it.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  checkBrowserWindows,
  checkEnableSandbox,
  checkPermissionHandlers,
  checkWillNavigate,
  checkWindowOpenHandler,
  readSources,
  type SourceFile
} from './source-checks'
import { flipped, SECURE_MAIN } from './secure-sample'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const main = readSources(root, 'src/main')
const sample: SourceFile[] = [{ path: 'sample/main.ts', text: SECURE_MAIN }]
const flip = (from: string, to: string) => flipped('sample/main.ts', SECURE_MAIN, from, to)

describe('src/main passes (must-haves 1 and 5)', () => {
  it('every new BrowserWindow states contextIsolation, sandbox, nodeIntegration, webSecurity literally', () => {
    expect(checkBrowserWindows(main)).toEqual([])
  })
  it('app.enableSandbox() is called', () => {
    expect(checkEnableSandbox(main)).toEqual([])
  })
  it('setWindowOpenHandler denies', () => {
    expect(checkWindowOpenHandler(main)).toEqual([])
  })
  it("will-navigate calls preventDefault", () => {
    expect(checkWillNavigate(main)).toEqual([])
  })
  it('permission request and check handlers deny', () => {
    expect(checkPermissionHandlers(main)).toEqual([])
  })
})

describe('the checkers accept the secure sample and reject each flip', () => {
  it('accept the secure sample', () => {
    expect([
      ...checkBrowserWindows(sample),
      ...checkEnableSandbox(sample),
      ...checkWindowOpenHandler(sample),
      ...checkWillNavigate(sample),
      ...checkPermissionHandlers(sample)
    ]).toEqual([])
  })

  it.each([
    ['contextIsolation: true', 'contextIsolation: false', /contextIsolation must be the literal true \(found false\)/],
    ['sandbox: true', 'sandbox: false', /sandbox must be the literal true \(found false\)/],
    ['nodeIntegration: false', 'nodeIntegration: true', /nodeIntegration must be the literal false \(found true\)/],
    ['webSecurity: true', 'webSecurity: false', /webSecurity must be the literal true \(found false\)/],
    ['sandbox: true, ', '', /sandbox must be the literal true \(missing\)/],
    ['sandbox: true', 'sandbox: isSecure', /sandbox must be the literal true \(found isSecure\)/],
    ['webSecurity: true', 'webSecurity: true, nodeIntegrationInWorker: true', /nodeIntegrationInWorker must not be set/],
    ['webSecurity: true', 'webSecurity: true, ...extra', /must not spread/],
    ['webPreferences: {', 'webPreferences: prefs, x: {', /webPreferences must be an object literal/]
  ])('BrowserWindow: %s → %s is reported', (from, to, message) => {
    const problems = checkBrowserWindows(flip(from, to))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(message)
  })

  it('BrowserWindow built from a variable is reported (options must be literal)', () => {
    expect(checkBrowserWindows(flip('new BrowserWindow({', 'new BrowserWindow(options); ({'))[0]).toMatch(/must be an object literal/)
  })

  it('no BrowserWindow at all is reported, not passed', () => {
    expect(checkBrowserWindows([{ path: 'empty.ts', text: 'export {}' }])).toHaveLength(1)
  })

  it('a missing app.enableSandbox() is reported', () => {
    expect(checkEnableSandbox(flip('app.enableSandbox()', 'app.whenReady()'))).toEqual(['app.enableSandbox() is never called in src/main'])
  })

  it("setWindowOpenHandler returning allow (or allow on one path) is reported", () => {
    expect(checkWindowOpenHandler(flip("({ action: 'deny' })", "({ action: 'allow' })"))[0]).toMatch(/must return \{ action: 'deny' \}/)
    const oneBranch = flip("() => ({ action: 'deny' })", "(d) => { if (d.url === 'x') return { action: 'allow' }; return { action: 'deny' } }")
    expect(checkWindowOpenHandler(oneBranch)).toHaveLength(1)
    expect(checkWindowOpenHandler(flip('setWindowOpenHandler', 'setSomethingElse'))[0]).toMatch(/never called/)
  })

  it('a will-navigate listener without preventDefault (or none at all) is reported', () => {
    expect(checkWillNavigate(flip('event.preventDefault()', 'console.log(event)'))[0]).toMatch(/must call preventDefault/)
    expect(checkWillNavigate(flip("'will-navigate'", "'did-navigate'"))[0]).toMatch(/no 'will-navigate' listener/)
  })

  it('a permission handler that grants is reported', () => {
    expect(checkPermissionHandlers(flip('callback(false)', 'callback(true)'))[0]).toMatch(/must only call callback\(false\)/)
    expect(checkPermissionHandlers(flip('callback(false)', "callback(_permission === 'geolocation')"))).toHaveLength(1)
    expect(checkPermissionHandlers(flip('setPermissionCheckHandler(() => false)', 'setPermissionCheckHandler(() => true)'))[0]).toMatch(/must return false/)
    expect(checkPermissionHandlers(flip('setPermissionRequestHandler', 'setOtherHandler'))[0]).toMatch(/never called/)
  })
})
