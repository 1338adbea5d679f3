/**
 * Terminal output of every `wc-survey` command: a file name or argument carrying ESC/BEL (an OSC
 * title change, a screen clear) or a bidi override reaches stdout/stderr only as visible escapes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { main } from '../../../src/cli'
import { jsonTerminalSafe, terminalSafe } from '../../../src/shared/text/terminal-safe'

/** Anything a terminal acts on or hides, except the newline and tab the CLI prints itself. */
// eslint-disable-next-line no-control-regex -- finding raw control bytes is the point of the test
const RAW_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/

const HOSTILE = 'evil\u001b]0;owned\u0007\u001b[2J\u202egpj'

async function runCli(args: string[]): Promise<{ code: number; printed: string }> {
  let printed = ''
  const capture = (chunk: string | Uint8Array): boolean => {
    printed += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    return true
  }
  vi.spyOn(process.stdout, 'write').mockImplementation(capture)
  vi.spyOn(process.stderr, 'write').mockImplementation(capture)
  try {
    const code = await main(args)
    return { code, printed }
  } finally {
    vi.restoreAllMocks()
  }
}

describe('terminalSafe / jsonTerminalSafe', () => {
  it.each([
    ['ESC and BEL', 'a\u001b[2Jb\u0007', 'a\\u{1b}[2Jb\\u{7}'],
    ['NUL and DEL', 'a\u0000b\u007f', 'a\\u{0}b\\u{7f}'],
    ['C1 CSI', 'a\u009b31m', 'a\\u{9b}31m'],
    ['right-to-left override', 'Garage \u202egpj.wcsurvey', 'Garage \\u{202e}gpj.wcsurvey'],
    ['Arabic letter mark', 'x\u061cy', 'x\\u{61c}y'],
    ['LRM, RLM, isolates', '\u200e\u200f\u2066\u2069', '\\u{200e}\\u{200f}\\u{2066}\\u{2069}'],
    ['zero-width space, joiner, BOM', 'a\u200bb\u200dc\ufeff', 'a\\u{200b}b\\u{200d}c\\u{feff}'],
    ['line and paragraph separators', 'a\u2028b\u2029', 'a\\u{2028}b\\u{2029}'],
    ['newline and tab are controls too in a value', 'a\nb\tc', 'a\\u{a}b\\u{9}c'],
    ['ordinary text, accents and emoji unchanged', 'Parkhaus Süd 🚗 "B2"', 'Parkhaus Süd 🚗 "B2"']
  ])('terminalSafe: %s', (_name, input, expected) => {
    expect(terminalSafe(input)).toBe(expected)
  })

  it('jsonTerminalSafe leaves the JSON equal as data and escapes what JSON.stringify keeps raw', () => {
    const json = JSON.stringify({ ssid: 'a\u009bb\u202ec\u061c' })
    expect(jsonTerminalSafe(json)).toBe('{"ssid":"a\\u009bb\\u202ec\\u061c"}')
    expect(JSON.parse(jsonTerminalSafe(json))).toEqual({ ssid: 'a\u009bb\u202ec\u061c' })
  })
})

describe('every command prints a hostile file name or argument as escapes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wc-term-'))
  const scan = join(dir, `${HOSTILE}.txt`)
  writeFileSync(scan, 'not a scanner output\n')
  const survey = join(dir, `${HOSTILE}.wcsurvey`)
  writeFileSync(survey, '{ not json')
  const missing = join(dir, `missing-${HOSTILE}.wcsurvey`)

  afterEach(() => vi.restoreAllMocks())

  it.each([
    ['parse, a file in no known format', ['parse', scan]],
    ['parse, a missing file', ['parse', join(dir, `missing-${HOSTILE}.txt`)]],
    ['parse, an unknown option', ['parse', `--${HOSTILE}`]],
    ['check, a corrupt survey', ['check', survey]],
    ['check, a missing survey', ['check', missing]],
    ['check, an unknown option', ['check', `--${HOSTILE}`, survey]],
    ['compare, missing surveys', ['compare', missing, survey]],
    ['report, a missing survey', ['report', missing, '-o', join(dir, 'out.pdf')]],
    ['report, an unknown option', ['report', `--${HOSTILE}`]],
    ['rules, a missing survey', ['rules', '--survey', missing]],
    ['rules, an unknown option', ['rules', `--${HOSTILE}`]],
    ['probe, an unknown option', ['probe', `--${HOSTILE}`]],
    ['serve, an unknown option', ['serve', `--${HOSTILE}`]],
    ['watch, an unknown option', ['watch', `--${HOSTILE}`]],
    ['charger, an unknown option', ['charger', `--${HOSTILE}`]],
    ['an unknown command', [HOSTILE]]
  ])('%s', async (_name, args) => {
    const { code, printed } = await runCli(args)
    expect(code).not.toBe(0)
    // The hostile text was printed (so the test can fail), as visible escapes only.
    expect(printed).toContain('evil\\u{1b}]0;owned\\u{7}\\u{1b}[2J\\u{202e}gpj')
    expect(printed).not.toMatch(RAW_UNSAFE)
  })
})
