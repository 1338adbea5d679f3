/**
 * Static checks of the security must-haves in ARCHITECTURE.md, on TypeScript source text.
 *
 * Each checker takes `{ path, text }` files and returns problems (empty = pass), so the same code
 * runs on the real tree and on flipped in-memory copies: that is how the tests prove every check
 * can fail. Parsing is the TypeScript compiler API, not regular expressions, so comments, strings
 * and formatting do not fool it.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import ts from 'typescript'

/** One source file: repo-relative path and its text. */
export interface SourceFile {
  readonly path: string
  readonly text: string
}

/** Every file under a repo folder whose name matches, as SourceFiles (sorted, forward slashes). */
export function readSources(root: string, folder: string, pattern = /\.(ts|tsx)$/): SourceFile[] {
  const base = join(root, folder)
  let names: string[]
  try {
    names = readdirSync(base, { recursive: true, encoding: 'utf8' })
  } catch {
    return []
  }
  return names
    .filter((name) => pattern.test(name))
    .map((name) => join(base, name))
    .sort()
    .map((file) => ({ path: relative(root, file).split(sep).join('/'), text: readFileSync(file, 'utf8') }))
}

function parse(file: SourceFile): ts.SourceFile {
  const kind = file.path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  return ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, kind)
}

function where(sf: ts.SourceFile, node: ts.Node): string {
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf))
  return `${sf.fileName}:${line + 1}`
}

function visit(node: ts.Node, f: (n: ts.Node) => void): void {
  f(node)
  node.forEachChild((child) => visit(child, f))
}

/** Every node of a kind in the files, with its source file. */
function findAll<T extends ts.Node>(files: readonly SourceFile[], guard: (n: ts.Node) => n is T): { sf: ts.SourceFile; node: T }[] {
  const out: { sf: ts.SourceFile; node: T }[] = []
  for (const file of files) {
    const sf = parse(file)
    visit(sf, (n) => {
      if (guard(n)) out.push({ sf, node: n })
    })
  }
  return out
}

/** Strip `x as T`, `x satisfies T`, `(x)` and `x!` wrappers. */
function unwrap(node: ts.Expression): ts.Expression {
  let e = node
  while (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression
  return e
}

function propertyName(p: ts.ObjectLiteralElementLike): string | undefined {
  if (!p.name) return undefined
  if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) return p.name.text
  return undefined
}

function property(obj: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return obj.properties.find((p) => propertyName(p) === name)
}

/** `obj.method(...)` calls whose method name matches (any receiver). */
function isMethodCall(name: string) {
  return (n: ts.Node): n is ts.CallExpression =>
    ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === name
}

/** A function-like argument: arrow function or function expression. */
function asFunction(node: ts.Expression | undefined): ts.ArrowFunction | ts.FunctionExpression | undefined {
  if (!node) return undefined
  const e = unwrap(node)
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e) ? e : undefined
}

/** An identifier's `const x = …` initializer in the same file (or the expression itself). */
function resolveConst(sf: ts.SourceFile, node: ts.Expression | undefined): ts.Expression | undefined {
  if (!node) return undefined
  const e = unwrap(node)
  if (!ts.isIdentifier(e)) return e
  let init: ts.Expression | undefined
  visit(sf, (n) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === e.text && n.initializer) init = unwrap(n.initializer)
  })
  return init ?? e
}

/** Every value a function can return: expression bodies and `return x` statements (not nested functions). */
function returnedValues(fn: ts.ArrowFunction | ts.FunctionExpression): ts.Expression[] {
  if (!ts.isBlock(fn.body)) return [unwrap(fn.body)]
  const out: ts.Expression[] = []
  const walk = (n: ts.Node): void => {
    if (ts.isFunctionLike(n)) return
    if (ts.isReturnStatement(n) && n.expression) out.push(unwrap(n.expression))
    n.forEachChild(walk)
  }
  fn.body.forEachChild(walk)
  return out
}

function paramName(fn: ts.ArrowFunction | ts.FunctionExpression, index: number): string | undefined {
  const p = fn.parameters[index]
  return p && ts.isIdentifier(p.name) ? p.name.text : undefined
}

/** The `.on('<event>', …)` calls: the listeners registered for one event name. */
function listenersOf(files: readonly SourceFile[], event: string): { sf: ts.SourceFile; node: ts.CallExpression }[] {
  return findAll(files, isMethodCall('on')).filter(({ node }) => {
    const first = node.arguments[0]
    return first !== undefined && ts.isStringLiteralLike(first) && first.text === event
  })
}

/** Whether a listener's function calls preventDefault() on its first parameter (the event). */
function preventsDefault(listener: ts.CallExpression): boolean {
  const fn = asFunction(listener.arguments[1])
  const event = fn && paramName(fn, 0)
  let prevented = false
  if (fn && event) {
    visit(fn.body, (n) => {
      if (isMethodCall('preventDefault')(n) && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression) && n.expression.expression.text === event) prevented = true
    })
  }
  return prevented
}

/** Identifiers in a node (excluding property names after a dot and declarations of the same name). */
function references(node: ts.Node, name: string): ts.Identifier[] {
  const out: ts.Identifier[] = []
  visit(node, (n) => {
    if (!ts.isIdentifier(n) || n.text !== name) return
    const parent = n.parent
    if (ts.isPropertyAccessExpression(parent) && parent.name === n) return
    if (ts.isParameter(parent) && parent.name === n) return
    if (ts.isPropertyAssignment(parent) && parent.name === n) return
    out.push(n)
  })
  return out
}

// ── 1. BrowserWindow options ───────────────────────────────────────────────────────────────────

/** The webPreferences every window must state literally (ARCHITECTURE.md must-have 1). */
export const REQUIRED_WEB_PREFERENCES: Readonly<Record<string, boolean>> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true
}

/** Preferences that must never be switched on. */
const FORBIDDEN_WEB_PREFERENCES = ['nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures', 'webviewTag']

/** Check every `new BrowserWindow({...})`: literal options with the required webPreferences. */
export function checkBrowserWindows(files: readonly SourceFile[]): string[] {
  const windows = findAll(files, (n): n is ts.NewExpression => ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'BrowserWindow')
  if (windows.length === 0) return ['no `new BrowserWindow(...)` found in src/main: the window options cannot be checked']
  const problems: string[] = []
  for (const { sf, node } of windows) {
    const at = where(sf, node)
    const arg = node.arguments?.[0] && unwrap(node.arguments[0])
    if (!arg || !ts.isObjectLiteralExpression(arg)) {
      problems.push(`${at}: BrowserWindow options must be an object literal so the security settings are visible where the window is made`)
      continue
    }
    const prefs = property(arg, 'webPreferences')
    const prefsValue = prefs && ts.isPropertyAssignment(prefs) ? unwrap(prefs.initializer) : undefined
    if (!prefsValue || !ts.isObjectLiteralExpression(prefsValue)) {
      problems.push(`${at}: webPreferences must be an object literal inside new BrowserWindow`)
      continue
    }
    for (const [key, want] of Object.entries(REQUIRED_WEB_PREFERENCES)) {
      const p = property(prefsValue, key)
      const value = p && ts.isPropertyAssignment(p) ? unwrap(p.initializer) : undefined
      const literal = value?.kind === ts.SyntaxKind.TrueKeyword ? true : value?.kind === ts.SyntaxKind.FalseKeyword ? false : undefined
      if (literal !== want) problems.push(`${at}: webPreferences.${key} must be the literal ${want}${value ? ` (found ${value.getText(sf)})` : ' (missing)'}`)
    }
    for (const key of FORBIDDEN_WEB_PREFERENCES) {
      const p = property(prefsValue, key)
      if (p && ts.isPropertyAssignment(p) && unwrap(p.initializer).kind !== ts.SyntaxKind.FalseKeyword) {
        problems.push(`${at}: webPreferences.${key} must not be set (found ${p.initializer.getText(sf)})`)
      }
    }
    for (const p of prefsValue.properties) {
      if (ts.isSpreadAssignment(p)) problems.push(`${at}: webPreferences must not spread other objects (they could override the security settings)`)
    }
  }
  return problems
}

/** `app.enableSandbox()` is called (sandbox for every renderer, even one made without our options). */
export function checkEnableSandbox(files: readonly SourceFile[]): string[] {
  const calls = findAll(files, isMethodCall('enableSandbox')).filter(
    ({ node }) => ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'app'
  )
  return calls.length > 0 ? [] : ['app.enableSandbox() is never called in src/main']
}

// ── 5. Navigation, new windows, permissions ──────────────────────────────────────────────────────

/** Every setWindowOpenHandler returns `{ action: 'deny' }` on every path. */
export function checkWindowOpenHandler(files: readonly SourceFile[]): string[] {
  const calls = findAll(files, isMethodCall('setWindowOpenHandler'))
  if (calls.length === 0) return ['setWindowOpenHandler is never called in src/main: new windows are not denied']
  const problems: string[] = []
  for (const { sf, node } of calls) {
    const fn = asFunction(node.arguments[0])
    if (!fn) {
      problems.push(`${where(sf, node)}: setWindowOpenHandler must take an inline function so the deny is visible`)
      continue
    }
    const values = returnedValues(fn)
    if (values.length === 0) problems.push(`${where(sf, node)}: setWindowOpenHandler's handler returns nothing`)
    for (const value of values) {
      const action = ts.isObjectLiteralExpression(value) ? property(value, 'action') : undefined
      const init = action && ts.isPropertyAssignment(action) ? unwrap(action.initializer) : undefined
      if (!init || !ts.isStringLiteralLike(init) || init.text !== 'deny') {
        problems.push(`${where(sf, value)}: setWindowOpenHandler must return { action: 'deny' } (found ${value.getText(sf)})`)
      }
    }
  }
  return problems
}

/** A `will-navigate` listener exists and calls preventDefault on its event. */
export function checkWillNavigate(files: readonly SourceFile[]): string[] {
  const listeners = listenersOf(files, 'will-navigate')
  if (listeners.length === 0) return ["no 'will-navigate' listener in src/main: navigation away from the app is not blocked"]
  const problems: string[] = []
  for (const { sf, node } of listeners) {
    if (!preventsDefault(node)) problems.push(`${where(sf, node)}: the 'will-navigate' listener must call preventDefault() on its event for non-app URLs`)
  }
  return problems
}

/** Permission request handlers answer `false` only; permission check handlers return `false` only. */
export function checkPermissionHandlers(files: readonly SourceFile[]): string[] {
  const problems: string[] = []
  const requests = findAll(files, isMethodCall('setPermissionRequestHandler'))
  const checks = findAll(files, isMethodCall('setPermissionCheckHandler'))
  if (requests.length === 0) problems.push('setPermissionRequestHandler is never called in src/main: permission requests are not denied')
  if (checks.length === 0) problems.push('setPermissionCheckHandler is never called in src/main: permission checks are not denied')
  for (const { sf, node } of requests) {
    const fn = asFunction(node.arguments[0])
    const callback = fn && paramName(fn, 2)
    if (!fn || !callback) {
      problems.push(`${where(sf, node)}: setPermissionRequestHandler must take an inline (webContents, permission, callback) function`)
      continue
    }
    const uses = references(fn.body, callback)
    if (uses.length === 0) problems.push(`${where(sf, node)}: the permission request handler never answers (callback unused)`)
    for (const use of uses) {
      const call = use.parent
      const [answer] = ts.isCallExpression(call) ? call.arguments : []
      const ok = ts.isCallExpression(call) && call.expression === use && call.arguments.length === 1 && answer !== undefined && unwrap(answer).kind === ts.SyntaxKind.FalseKeyword
      if (!ok) problems.push(`${where(sf, use)}: the permission request handler must only call ${callback}(false) (found ${call.getText(sf)})`)
    }
  }
  for (const { sf, node } of checks) {
    const fn = asFunction(node.arguments[0])
    if (!fn) {
      problems.push(`${where(sf, node)}: setPermissionCheckHandler must take an inline function`)
      continue
    }
    const values = returnedValues(fn)
    if (values.length === 0 || values.some((v) => v.kind !== ts.SyntaxKind.FalseKeyword)) {
      problems.push(`${where(sf, node)}: the permission check handler must return false on every path`)
    }
  }
  return problems
}

// ── 3. IPC: sender checked, arguments validated ─────────────────────────────────────────────

/**
 * Every `ipcMain.handle` / `ipcMain.on` handler starts by refusing an untrusted sender — an `if`
 * on `<event>.senderFrame` that throws or returns — and passes its arguments through a validating
 * function (named check…/parse…/validate…) before anything else runs (must-have 3, checklist #17).
 */
export function checkIpcHandlers(files: readonly SourceFile[]): string[] {
  const registrations = findAll(files, (n): n is ts.CallExpression =>
    ts.isCallExpression(n) &&
    ts.isPropertyAccessExpression(n.expression) &&
    ts.isIdentifier(n.expression.expression) &&
    n.expression.expression.text === 'ipcMain' &&
    ['handle', 'handleOnce', 'on', 'once'].includes(n.expression.name.text)
  )
  if (registrations.length === 0) return ['no ipcMain.handle registration in src/main/electron/ipc.ts: the contract is not wired (or not where the gate looks)']
  const problems: string[] = []
  for (const { sf, node } of registrations) {
    const at = where(sf, node)
    const fn = asFunction(resolveConst(sf, node.arguments[1]))
    const event = fn && paramName(fn, 0)
    if (!fn || !event || !ts.isBlock(fn.body)) {
      problems.push(`${at}: IPC handlers must be inline functions with a block body (event, ...args) so the sender check is visible`)
      continue
    }
    const first = fn.body.statements[0]
    const guards =
      first !== undefined &&
      ts.isIfStatement(first) &&
      first.expression.getText(sf).includes(`${event}.senderFrame`) &&
      (ts.isThrowStatement(first.thenStatement) ||
        ts.isReturnStatement(first.thenStatement) ||
        (ts.isBlock(first.thenStatement) && first.thenStatement.statements.some((st) => ts.isThrowStatement(st) || ts.isReturnStatement(st))))
    if (!guards) problems.push(`${at}: the IPC handler's first statement must refuse an untrusted ${event}.senderFrame (throw or return)`)
    const rest = fn.parameters.slice(1).map((p) => (ts.isIdentifier(p.name) ? p.name.text : undefined))
    let validated = false
    visit(fn.body, (n) => {
      if (!ts.isCallExpression(n)) return
      const callee = ts.isIdentifier(n.expression) ? n.expression.text : ts.isPropertyAccessExpression(n.expression) ? n.expression.name.text : ''
      if (/^(check|parse|safeParse|validate)/.test(callee) && n.arguments.some((a) => ts.isIdentifier(a) && rest.includes(a.text))) validated = true
    })
    if (!validated) problems.push(`${at}: the IPC handler must validate its arguments (check…/parse…/validate…(args)) before use`)
  }
  return problems
}

// ── 4. Content-Security-Policy ───────────────────────────────────────────────────────────────────

/**
 * Directives each policy must have (ARCHITECTURE.md must-have 4), with the source lists accepted
 * for each: the required one, or 'none' where that is stricter still (a print page with
 * `default-src 'none'` is fine).
 */
export const REQUIRED_CSP: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'", "'none'"],
  'script-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"]
}

/** Parse a CSP string into directive → sources. */
export function parseCsp(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) out.set(name.toLowerCase(), sources)
  }
  return out
}

/** Problems with one policy string: required directives exactly as required, no unsafe script sources. */
export function cspProblems(csp: string, label: string): string[] {
  const directives = parseCsp(csp)
  const problems: string[] = []
  for (const [name, accepted] of Object.entries(REQUIRED_CSP)) {
    const got = directives.get(name)
    const want = accepted.join(' or ')
    if (!got) problems.push(`${label}: CSP lacks ${name} ${want}`)
    else if (!accepted.includes(got.join(' '))) problems.push(`${label}: CSP ${name} must be exactly ${want} (found ${got.join(' ')})`)
  }
  for (const name of ['script-src', 'default-src', 'script-src-elem', 'script-src-attr']) {
    const sources = directives.get(name) ?? []
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", 'data:', '*', 'blob:']) {
      if (sources.includes(bad)) problems.push(`${label}: CSP ${name} must not allow ${bad}`)
    }
  }
  return problems
}

/** The CSP in index.html's meta tag. */
export function checkHtmlCsp(html: SourceFile): string[] {
  const metas = [...html.text.matchAll(/<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/gi)]
  if (metas.length !== 1) return [`${html.path}: expected exactly one Content-Security-Policy meta tag, found ${metas.length}`]
  const content = /content=(["'])(.*?)\1/i.exec(metas[0]?.[0] ?? '')
  return content?.[2] !== undefined ? cspProblems(content[2], html.path) : [`${html.path}: the CSP meta tag has no content`]
}

/** Every string in src/main that is a CSP (contains `default-src`), and at least one exists. */
export function checkMainCsp(files: readonly SourceFile[]): string[] {
  const strings = findAll(files, (n): n is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral => ts.isStringLiteralLike(n) && n.text.includes('default-src'))
  // A policy may be built by joining an array of directives: treat each array literal of strings as one policy.
  const policies: { at: string; text: string }[] = []
  const seenArrays = new Set<ts.Node>()
  for (const { sf, node } of strings) {
    const parent = node.parent
    if (ts.isArrayLiteralExpression(parent)) {
      if (seenArrays.has(parent)) continue
      seenArrays.add(parent)
      const parts = parent.elements.map((e) => (ts.isStringLiteralLike(e) ? e.text : ''))
      policies.push({ at: where(sf, parent), text: parts.join('; ') })
    } else policies.push({ at: where(sf, node), text: node.text })
  }
  if (policies.length === 0) return ['no Content-Security-Policy string (with default-src) in src/main: responses carry no CSP header']
  return policies.flatMap((p) => cspProblems(p.text, p.at))
}

// ── 2. Preload ─────────────────────────────────────────────────────────────────────────────────

/** The preload exposes exactly one object with exactly `request` and `on`; listeners never see the event. */
export function checkPreload(files: readonly SourceFile[]): string[] {
  const problems: string[] = []
  const exposes = findAll(files, isMethodCall('exposeInMainWorld'))
  if (exposes.length !== 1) problems.push(`the preload must call contextBridge.exposeInMainWorld exactly once (found ${exposes.length})`)
  for (const { sf, node } of exposes) {
    // Follow `const api = {...}` in the same file.
    const value = resolveConst(sf, node.arguments[1])
    if (!value || !ts.isObjectLiteralExpression(value)) {
      problems.push(`${where(sf, node)}: exposeInMainWorld must expose an object literal (or a const bound to one) so its keys can be checked`)
      continue
    }
    const keys = value.properties.map((p) => (ts.isSpreadAssignment(p) ? '...spread' : (propertyName(p) ?? '?'))).sort()
    if (keys.join(',') !== 'on,request') problems.push(`${where(sf, node)}: the exposed API must have exactly request and on (found ${keys.join(', ')})`)
  }
  for (const { sf, node } of findAll(files, isMethodCall('on'))) {
    const receiver = ts.isPropertyAccessExpression(node.expression) ? node.expression.expression : undefined
    if (!receiver || !ts.isIdentifier(receiver) || receiver.text !== 'ipcRenderer') continue
    const fn = asFunction(resolveConst(sf, node.arguments[1]))
    const event = fn && paramName(fn, 0)
    if (fn && event && references(fn.body, event).length > 0) {
      problems.push(`${where(sf, node)}: an ipcRenderer listener passes on its IpcRendererEvent (${event}); forward the payload only`)
    }
  }
  return problems
}

// ── 6. shell.openExternal ─────────────────────────────────────────────────────────────────────

/** Name of a function that is an open-external helper: `safeOpenExternal`, `openExternalSafely`, … */
const HELPER_NAME = /^(?!openExternal$)\w*OpenExternal\w*$|^openExternal\w+$/

/** The name a function-like node is declared under (function declaration or `const x = () =>`). */
function declaredName(n: ts.Node): string | undefined {
  if (ts.isFunctionDeclaration(n) && n.name) return n.name.text
  if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isVariableDeclaration(n.parent) && ts.isIdentifier(n.parent.name)) return n.parent.name.text
  return undefined
}

/**
 * `shell.openExternal` is reached only through one helper (must-have 6): there is exactly one
 * helper function (named like `safeOpenExternal`), its file parses with `new URL()` and allows
 * `https:`, and every `.openExternal(...)` call sits inside the helper or inside a call to it (the
 * helper may take the opener as a parameter so it stays free of Electron).
 */
export function checkOpenExternal(files: readonly SourceFile[]): string[] {
  const calls = findAll(files, isMethodCall('openExternal'))
  if (calls.length === 0) return []
  const helpers = findAll(files, (n): n is ts.FunctionLikeDeclaration => ts.isFunctionLike(n) && HELPER_NAME.test(declaredName(n) ?? ''))
  const names = [...new Set(helpers.map(({ node }) => declaredName(node)))]
  const problems: string[] = []
  if (helpers.length !== 1) {
    problems.push(`expected exactly one open-external helper function (e.g. safeOpenExternal), found ${helpers.length}${names.length ? ` (${names.join(', ')})` : ''}`)
  }
  for (const { sf } of helpers) {
    const file = parse({ path: sf.fileName, text: sf.text })
    let usesUrl = false
    const strings = new Set<string>()
    visit(file, (n) => {
      if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'URL') usesUrl = true
      if (ts.isStringLiteralLike(n)) strings.add(n.text)
    })
    if (!usesUrl || !strings.has('https:')) problems.push(`${sf.fileName}: the open-external helper must parse with new URL() and allow only the http:/https: protocols`)
    for (const scheme of ['file:', 'javascript:', 'data:', 'smb:']) {
      if (strings.has(scheme)) problems.push(`${sf.fileName}: the open-external helper mentions ${scheme}; only http(s) may be opened`)
    }
  }
  for (const { sf, node } of calls) {
    let inside = false
    for (let p: ts.Node | undefined = node.parent; p && !inside; p = p.parent) {
      if (ts.isFunctionLike(p) && names.includes(declaredName(p))) inside = true
      if (ts.isCallExpression(p) && ts.isIdentifier(p.expression) && names.includes(p.expression.text)) inside = true
    }
    if (!inside || names.length !== 1) problems.push(`${where(sf, node)}: shell.openExternal outside the one open-external helper`)
  }
  return problems
}

// ── 7. Subprocesses ─────────────────────────────────────────────────────────────────────────────

const SHELL_FUNCTIONS = new Set(['exec', 'execSync'])

/** No shell: no exec/execSync from child_process, no `shell: true` option, no require('child_process'). */
export function checkNoShell(files: readonly SourceFile[]): string[] {
  const problems: string[] = []
  for (const file of files) {
    const sf = parse(file)
    const namespaces = new Set<string>()
    visit(sf, (n) => {
      if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier) && /^(node:)?child_process$/.test(n.moduleSpecifier.text)) {
        const bindings = n.importClause?.namedBindings
        if (n.importClause?.name) namespaces.add(n.importClause.name.text)
        if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text)
        if (bindings && ts.isNamedImports(bindings)) {
          for (const spec of bindings.elements) {
            const imported = (spec.propertyName ?? spec.name).text
            if (SHELL_FUNCTIONS.has(imported)) problems.push(`${where(sf, spec)}: imports ${imported} from child_process, which runs a shell; use execFile with an argument array`)
          }
        }
      }
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'require') {
        const arg = n.arguments[0]
        if (arg && ts.isStringLiteralLike(arg) && /^(node:)?child_process$/.test(arg.text)) problems.push(`${where(sf, n)}: require('child_process'): import execFile instead`)
      }
    })
    visit(sf, (n) => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression)) {
        if (namespaces.has(n.expression.expression.text) && SHELL_FUNCTIONS.has(n.expression.name.text)) {
          problems.push(`${where(sf, n)}: ${n.expression.getText(sf)} runs a shell; use execFile with an argument array`)
        }
      }
      if (ts.isPropertyAssignment(n) && propertyName(n) === 'shell' && unwrap(n.initializer).kind !== ts.SyntaxKind.FalseKeyword) {
        problems.push(`${where(sf, n)}: a subprocess option sets shell: ${n.initializer.getText(sf)}; never run a shell (SSIDs are hostile text)`)
      }
    })
  }
  return problems
}

// ── 8. Hostile text rendered as text ───────────────────────────────────────────────────────────

const HTML_SINKS = new Set(['innerHTML', 'outerHTML'])
const HTML_CALLS = new Set(['insertAdjacentHTML', 'createContextualFragment', 'write', 'writeln'])

/** No dangerouslySetInnerHTML, innerHTML/outerHTML, insertAdjacentHTML, document.write. */
export function checkNoHtmlSinks(files: readonly SourceFile[]): string[] {
  const problems: string[] = []
  for (const file of files) {
    const sf = parse(file)
    visit(sf, (n) => {
      if (ts.isJsxAttribute(n) && ts.isIdentifier(n.name) && n.name.text === 'dangerouslySetInnerHTML') {
        problems.push(`${where(sf, n)}: dangerouslySetInnerHTML renders text as HTML (SSIDs and notes are hostile)`)
      }
      if ((ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n)) && propertyName(n) === 'dangerouslySetInnerHTML') {
        problems.push(`${where(sf, n)}: dangerouslySetInnerHTML renders text as HTML (SSIDs and notes are hostile)`)
      }
      if (ts.isPropertyAccessExpression(n) && HTML_SINKS.has(n.name.text)) {
        problems.push(`${where(sf, n)}: ${n.name.text} parses HTML; set textContent or render through React`)
      }
      if (ts.isElementAccessExpression(n) && ts.isStringLiteralLike(n.argumentExpression) && HTML_SINKS.has(n.argumentExpression.text)) {
        problems.push(`${where(sf, n)}: ${n.argumentExpression.text} parses HTML; set textContent or render through React`)
      }
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && HTML_CALLS.has(n.expression.name.text)) {
        const receiver = n.expression.expression.getText(sf)
        const name = n.expression.name.text
        if (name === 'insertAdjacentHTML' || name === 'createContextualFragment' || receiver === 'document') {
          problems.push(`${where(sf, n)}: ${receiver}.${name}() parses HTML; render text through React`)
        }
      }
    })
  }
  return problems
}

// ── Packaging: .wcsurvey double-click reaches the app ─────────────────────────────────────────

/**
 * The file association works end to end: a single-instance lock, a `second-instance` listener
 * (Windows/Linux hand the path in argv to the running app) and an `open-file` listener (macOS) that
 * calls preventDefault, which tells macOS the app handled the file.
 */
export function checkFileOpenWiring(files: readonly SourceFile[]): string[] {
  const problems: string[] = []
  if (findAll(files, isMethodCall('requestSingleInstanceLock')).length === 0) {
    problems.push('app.requestSingleInstanceLock() is never called: a second double-click starts a second app instead of handing the file over')
  }
  if (listenersOf(files, 'second-instance').length === 0) problems.push("no 'second-instance' listener: the running app never receives the file from a second launch")
  const openFile = listenersOf(files, 'open-file')
  if (openFile.length === 0) problems.push("no 'open-file' listener: double-clicking a .wcsurvey on macOS does nothing")
  for (const { sf, node } of openFile) {
    if (!preventsDefault(node)) problems.push(`${where(sf, node)}: the 'open-file' listener must call preventDefault() on its event`)
  }
  return problems
}

// ── 3. Browser-mode token: never in a cookie ───────────────────────────────────────────────────

/**
 * No cookie anywhere in src: no `Set-Cookie` header name, no `.cookie` read or write
 * (`document.cookie`, `request.headers.cookie`). Cookies ignore ports (RFC 6265 §8.5): a token in a
 * cookie reaches every server on 127.0.0.1, and a page on another port can overwrite it.
 */
export function checkNoCookies(files: readonly SourceFile[]): string[] {
  const problems: string[] = []
  for (const file of files) {
    const sf = parse(file)
    visit(sf, (n) => {
      if (ts.isStringLiteralLike(n) && /^set-cookie$/i.test(n.text)) {
        problems.push(`${where(sf, n)}: Set-Cookie: browser mode's token travels in a header, never in a port-blind cookie`)
      }
      if (ts.isPropertyAccessExpression(n) && n.name.text === 'cookie') {
        problems.push(`${where(sf, n)}: ${n.getText(sf)}: no cookie is a credential (cookies ignore ports)`)
      }
    })
  }
  return problems
}
