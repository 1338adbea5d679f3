/**
 * What every `wc-survey` command does first, on `node:util` parseArgs: `--help`/`-h` prints the
 * usage (exit 0); a usage error prints one wording for all commands — "unknown option '--x'",
 * "--x needs a value", "--x takes no value", or the command's own reason — then the usage, on
 * stderr (exit 2); otherwise the command gets the parsed options.
 *
 * parseArgs' own messages are not printed: they differ per mistake, run over several lines and
 * talk about `--` terminators a technician never needs.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { terminalSafe } from '../shared/text/terminal-safe'

/** A command's options as parseArgs declares them (`--help`/`-h` is added for every command). */
export type OptionSpecs = NonNullable<ParseArgsConfig['options']>

const HELP = { help: { type: 'boolean', short: 'h' } } as const

/** What parseArgs gives for a command's options: typed values and the positional arguments. */
export type ParsedCommandLine<O extends OptionSpecs> = ReturnType<typeof parseArgs<{ args: string[]; options: O & typeof HELP; allowPositionals: true; strict: true }>>

/**
 * Parses `args` against `options`: 'help' when help was asked for, the usage error in the shared
 * wording, or the parsed command line.
 */
export function parseCommandLine<const O extends OptionSpecs>(args: readonly string[], options: O): ParsedCommandLine<O> | 'help' | string {
  const all = { ...options, ...HELP }
  // A lenient pass first, for the tokens: every mistake is then worded here, not by parseArgs.
  const { tokens } = parseArgs({ args: [...args], options: all, strict: false, allowPositionals: true, tokens: true })
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) return 'help'
  for (const t of tokens) {
    if (t.kind !== 'option') continue
    // Own properties only: '--constructor' is unknown, not Object.prototype's.
    const spec = Object.hasOwn(all, t.name) ? all[t.name] : undefined
    if (spec === undefined) return `unknown option '${t.rawName}'`
    // A value that looks like an option ("--ssid --json") is a forgotten value, as parseArgs' strict mode says.
    const optionLike = t.value !== undefined && !t.inlineValue && t.value.length > 1 && t.value.startsWith('-')
    if (spec.type === 'string' && (t.value === undefined || optionLike)) return `${t.rawName} needs a value`
    if (spec.type === 'boolean' && t.value !== undefined) return `${t.rawName} takes no value`
  }
  try {
    return parseArgs({ args: [...args], options: all, strict: true, allowPositionals: true })
  } catch (error) {
    // Whatever the lenient pass let through (e.g. an option given twice where that is refused).
    return error instanceof Error ? (error.message.split('\n')[0] ?? 'bad options') : 'bad options'
  }
}

export interface CommandIo {
  out(text: string): void
  err(text: string): void
}

const processIo: CommandIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }

/**
 * A command's parser: parseArgs against `options`, then `build` turns the parsed command line
 * into the command's options (a string is a usage error of its own: a missing file, a value out
 * of range). Gives 'help', the usage error, or the options.
 */
export function commandLineParser<const O extends OptionSpecs, T>(options: O, build: (parsed: ParsedCommandLine<O>) => T | string): (args: readonly string[]) => T | 'help' | string {
  return (args) => {
    const parsed = parseCommandLine(args, options)
    return typeof parsed === 'string' ? parsed : build(parsed)
  }
}

/**
 * Reads the command line with the command's parser. Ends the command with the exit code on help
 * (usage on stdout, 0) or a usage error (the reason and the usage on stderr, 2).
 */
export function readCommandLine<T>(
  command: string,
  args: readonly string[],
  usage: string,
  parse: (args: readonly string[]) => T | 'help' | string,
  io: CommandIo = processIo
): { ok: true; options: T } | { ok: false; code: number } {
  const parsed = parse(args)
  if (parsed === 'help') {
    io.out(usage)
    return { ok: false, code: 0 }
  }
  if (typeof parsed === 'string') {
    // The reason may quote an argument (an unknown option): terminal-safe like every CLI output.
    io.err(`wc-survey ${command}: ${terminalSafe(parsed)}\n\n${usage}`)
    return { ok: false, code: 2 }
  }
  return { ok: true, options: parsed }
}
