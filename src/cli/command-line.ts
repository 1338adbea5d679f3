/**
 * What every `wc-survey` command does first: `--help` prints the usage (exit 0), a usage error
 * prints the reason and the usage on stderr (exit 2), otherwise the parsed options.
 */
import { terminalSafe } from '../shared/text/terminal-safe'

/** The parsed options, or the exit code when the command must end here. */
export function readCommandLine<T>(
  command: string,
  args: readonly string[],
  usage: string,
  parse: (args: readonly string[]) => T | string,
  io: { out(text: string): void; err(text: string): void } = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }
): { ok: true; options: T } | { ok: false; code: number } {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(usage)
    return { ok: false, code: 0 }
  }
  const options = parse(args)
  if (typeof options === 'string') {
    // The reason may quote an argument (an unknown option): terminal-safe like every CLI output.
    io.err(`wc-survey ${command}: ${terminalSafe(options)}\n\n${usage}`)
    return { ok: false, code: 2 }
  }
  return { ok: true, options }
}
