/** The one set of hidden characters: each family, shown in the app/report form and in file names. */
import { describe, expect, it } from 'vitest'
import { visibleText } from '../../../src/shared/text/hidden-chars'
import { safeFileStem } from '../../../src/main/survey/library'

describe('visibleText', () => {
  it.each([
    ['NUL, ESC, BEL', 'a\u0000b\u001b\u0007', 'a[U+0000]b[U+001B][U+0007]'],
    ['DEL and C1 CSI', '\u007f\u009b', '[U+007F][U+009B]'],
    ['LRM, RLM, Arabic letter mark', '\u200e\u200f\u061c', '[U+200E][U+200F][U+061C]'],
    ['embeddings and overrides U+202A–202E', '\u202a\u202b\u202c\u202d\u202e', '[U+202A][U+202B][U+202C][U+202D][U+202E]'],
    ['isolates U+2066–2069', '\u2066\u2067\u2068\u2069', '[U+2066][U+2067][U+2068][U+2069]'],
    ['zero-width space, non-joiner, joiner, word joiner, BOM', '\u200b\u200c\u200d\u2060\ufeff', '[U+200B][U+200C][U+200D][U+2060][U+FEFF]'],
    ['line and paragraph separators', '\u2028\u2029', '[U+2028][U+2029]'],
    ['right-to-left letters and emoji stay', 'חניון 🚗', 'חניון 🚗']
  ])('%s', (_name, input, expected) => {
    expect(visibleText(input)).toBe(expected)
  })
})

describe('safeFileStem uses the same set', () => {
  it.each([
    ['Arabic letter mark', 'Garage\u061cB', 'Garage-B'],
    ['override', 'Garage \u202egpj', 'Garage -gpj'],
    ['zero-width space', 'Gar\u200bage', 'Gar-age'],
    ['Windows-reserved characters', 'a<b>c:d"e/f\\g|h?i*j', 'a-b-c-d-e-f-g-h-i-j']
  ])('%s', (_name, input, expected) => {
    expect(safeFileStem(input)).toBe(expected)
  })
})
