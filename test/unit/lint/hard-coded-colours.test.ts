/**
 * Colours in one place (issue 16 item 10): no file under src/ writes a colour except the palette,
 * `src/renderer/src/styles/palette.css` (CSS, `var(--name)`) and `src/shared/style/palette.ts`
 * (its values for charts, canvas and main; test/unit/style/palette.test.ts keeps the two equal).
 * A colour literal is a hex colour (#rgb, #rgba, #rrggbb, #rrggbbaa), a colour function (rgb(),
 * rgba(), hsl(), hsla(), hwb(), lab(), lch(), oklab(), oklch()) or a CSS colour keyword (white,
 * black, red, …) as a CSS value or a string of its own in code. Images (the favicon SVG, PNGs) are
 * not code and are not scanned.
 */
import { describe, expect, it } from 'vitest'
import { readSources, type SourceFile } from '../security-gates/source-checks'

const PALETTE_FILES = new Set(['src/renderer/src/styles/palette.css', 'src/shared/style/palette.ts'])
/** The CLI's terminal output: its 'red', 'green', 'yellow' name ANSI SGR codes for the terminal, not colours of the app (hex and functions are still checked). */
const TERMINAL_FILES = new Set(['src/main/probe/present.ts'])

/** CSS's colour keywords (CSS Color 4 named colours), without transparent and currentcolor, which are not colours of their own. */
const NAMED = 'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen'.split(' ')

/** `#fff`, `#ffffff80`: not after a word character, `/` or `&` (an issue link `repo#123`, a URL's fragment, an HTML entity `&#39;`). */
const HEX = /(?<![\w/&#])#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})(?![\w-])/gi
const FUNCTION = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/gi
const NAMED_IN_CSS = new RegExp(`:[^;{}]*?(?<![\\w-])(${NAMED.join('|')})(?![\\w-])`, 'gi')
const NAMED_STRING = new RegExp(`(['"\`])(${NAMED.join('|')})\\1`, 'gi')

/** CSS without its comments; code as written (a colour in a comment of code is rare and harmless, but strings are code). */
function stripCssComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
}

/** Every colour literal outside the palette files, as "path:line: literal". */
export function colourLiterals(files: readonly SourceFile[]): string[] {
  const found: string[] = []
  for (const file of files) {
    if (PALETTE_FILES.has(file.path)) continue
    const css = file.path.endsWith('.css')
    const text = css ? stripCssComments(file.text) : file.text
    const patterns = [HEX, FUNCTION, ...(css ? [NAMED_IN_CSS] : TERMINAL_FILES.has(file.path) ? [] : [NAMED_STRING])]
    text.split('\n').forEach((line, i) => {
      for (const p of patterns) {
        for (const m of line.matchAll(p)) found.push(`${file.path}:${i + 1}: ${css && p === NAMED_IN_CSS ? (m[1] ?? m[0]) : m[0]}`)
      }
    })
  }
  return found
}

describe('colours are written only in the palette (styles/palette.css, shared/style/palette.ts)', () => {
  it('no colour literal in any source, style or page of src/', () => {
    const files = readSources(process.cwd(), 'src', /\.(ts|tsx|js|mjs|cjs|css|html)$/)
    expect(files.length).toBeGreaterThan(100)
    expect(files.some((f) => f.path === 'src/renderer/src/styles/palette.css')).toBe(true)
    expect(colourLiterals(files)).toEqual([])
  })

  // Each kind of literal is caught, each look-alike is not: the checker can fail.
  it.each([
    ['src/renderer/src/a.css', '.x { color: #fff; }', ['#fff']],
    ['src/renderer/src/a.css', '.x { border: 1px solid #C5CED8; }', ['#C5CED8']],
    ['src/renderer/src/a.css', '.x { background: #11223380; }', ['#11223380']],
    ['src/renderer/src/a.css', '.x { box-shadow: 0 1px 2px rgb(0 0 0 / 6%); }', ['rgb(']],
    ['src/renderer/src/a.css', '.x { color: hsl(210 20% 30%); }', ['hsl(']],
    ['src/renderer/src/a.css', '.x { color: white; }', ['white']],
    ['src/renderer/src/a.css', '.x { border: 1px solid Gray; }', ['Gray']],
    ['src/renderer/src/a.tsx', 'const c = <rect fill="#ffe3e3" />', ['#ffe3e3']],
    ['src/renderer/src/a.tsx', "ctx.fillStyle = 'white'", ["'white'"]],
    ['src/renderer/src/a.ts', 'const c = `rgba(${r}, ${g}, ${b}, 1)`', ['rgba(']],
    ['src/main/report/a.ts', "const s = '<span style=\"color:#b3261e\">DRAFT</span>'", ['#b3261e']],
    ['src/main/probe/present.ts', "const c = '#ff0000'", ['#ff0000']]
  ])('%s: %s is a colour', (path, text, expected) => {
    expect(colourLiterals([{ path, text }]).map((f) => f.replace(/^[^:]+:\d+: /, ''))).toEqual(expected)
  })

  it.each([
    ['src/renderer/src/a.css', '.x { color: var(--text); background: transparent; border-color: currentcolor; }'],
    ['src/renderer/src/a.css', '/* the target: #d9480f, orange */ .x { white-space: nowrap; }'],
    ['src/renderer/src/a.css', '.red-flag, #root { color: var(--fail); }'],
    ['src/main/probe/a.ts', '// (nodejs/node#57736), home-assistant/core#137770'],
    ['src/main/report/a.ts', 'const e = `&#${c.charCodeAt(0)};`; const u = "https://x.test/#token=abc"'],
    ['src/renderer/src/a.tsx', "const k = { whiteSpace: 'nowrap', label: 'Orange network' }"],
    ['src/renderer/src/styles/palette.css', ':root { --bg: #f4f6f8; }'],
    ['src/shared/style/palette.ts', "export const PALETTE = { bg: '#f4f6f8' }"],
    ['src/main/probe/present.ts', "paint('red', text)"]
  ])('%s: %s has no colour of its own', (path, text) => {
    expect(colourLiterals([{ path, text }])).toEqual([])
  })
})
