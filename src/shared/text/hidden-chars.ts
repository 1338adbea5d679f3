/**
 * The characters hostile text (SSIDs, survey and site names, anything a charger or a file says)
 * uses to hide or reorder what a reader sees: C0 and C1 controls and DEL, bidi marks, embeddings,
 * overrides and isolates (U+200E/F, U+061C, U+202A–202E, U+2066–2069), zero-width characters and
 * joiners (U+200B–200D, U+2060–2065, U+FEFF) and the line/paragraph separators U+2028/2029.
 * Defined once: the terminal, the app, the report and file names all use this set.
 */
const HIDDEN_CHAR_RANGES = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff'

/** A global regular expression matching one hidden character, or one of `extra` (a class body). */
export function hiddenChars(extra = ''): RegExp {
  return new RegExp(`[${HIDDEN_CHAR_RANGES}${extra}]`, 'g')
}

const HIDDEN = hiddenChars()

/**
 * Text for the app and the report: every hidden character shown as `[U+202E]`. `\u202Egnp.exe`
 * would otherwise print as "exe.png", and a NUL or line break would hide part of a name; the
 * code point tells the reader exactly what the network broadcasts. Ordinary right-to-left letters
 * stay as they are. Notes keep their line breaks and tabs with `multiline`.
 */
export function visibleText(text: string, options: { readonly multiline?: boolean } = {}): string {
  return text.replace(HIDDEN, (c) => {
    if (options.multiline === true && (c === '\n' || c === '\t' || c === '\r')) return c
    return `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`
  })
}
