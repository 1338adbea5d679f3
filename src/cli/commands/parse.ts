/**
 * `wc-survey parse [--format auto|iw|iwlist|nmcli|netsh|system_profiler|airport|wdutil] FILE [--json]`:
 * parses a saved scanner output (support staff receive these from the field) into observations.
 * JSON: an array of observations with exactly the keys of issue 3 item 1, in that order. Text: an
 * aligned table. Skipped blocks are counted on stderr. Exit 0 parsed, 2 unreadable file, unknown
 * format or wrong command line.
 */
import { open } from 'node:fs/promises'
import type { Observation } from '../../shared/model/observation'
import { detectFormat, parseAs, SCAN_FORMATS, type ScanFormat } from '../../main/wifi/parsers/detect'
import { MAX_SCAN_OUTPUT_BYTES } from '../../main/wifi/parsers/bounded-input'
import { netshLocationRefusal } from '../../main/wifi/parsers/netsh'
import { commandLineParser, readCommandLine, type ParsedCommandLine } from '../command-line'
import { jsonTerminalSafe, terminalSafe } from '../../shared/text/terminal-safe'

const usage = `Usage: wc-survey parse [--format auto|${SCAN_FORMATS.join('|')}] FILE [--json]

Parses a saved Wi-Fi scanner output into one observation per BSS:
  iw       iw dev <if> scan [dump]            nmcli    nmcli [-t|-m multiline] [-f ALL] device wifi list
  iwlist   iwlist <if> scan                    netsh    netsh wlan show networks mode=bssid / show interfaces
  airport  airport -s / airport -I             system_profiler  system_profiler SPAirPortDataType -json
  wdutil   sudo wdutil info
--format auto (default) recognises the format; airport also reads "airport --scan --xml" (plist). Unknown fields print as null (JSON) or "-".
At most the first 8 MiB of FILE are read; longer lines are cut (a warning says so).

  --json   print a JSON array of observations
`

/** Where the command writes; tests capture it. */
export interface ParseIo {
  out(text: string): void
  err(text: string): void
}

const processIo: ParseIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }

interface Options {
  readonly format: ScanFormat | 'auto'
  readonly file: string
  readonly json: boolean
}

const OPTIONS = { format: { type: 'string', default: 'auto' }, json: { type: 'boolean', default: false } } as const

function toOptions({ values, positionals }: ParsedCommandLine<typeof OPTIONS>): Options | string {
  const { format, json } = values
  const [file, extra] = positionals
  if (file === undefined) return 'FILE is missing'
  if (extra !== undefined) return `unexpected argument '${extra}'`
  const known = format === 'auto' || SCAN_FORMATS.some((f) => f === format)
  if (!known) return `unknown format '${format}' (use auto, ${SCAN_FORMATS.join(', ')})`
  const chosen = SCAN_FORMATS.find((f) => f === format) ?? 'auto'
  return { format: chosen, file, json }
}

const cell = (v: unknown): string => (v === null || v === undefined ? '-' : Array.isArray(v) ? (v.length === 0 ? 'none' : v.join(',')) : String(v))

/** SSID for the table. */
function printableSsid(o: Observation): string {
  if (o.hidden) return '(hidden)'
  if (o.redacted) return '(redacted)'
  if (o.ssid === null) return o.ssidHex !== null ? `hex:${o.ssidHex}` : '-'
  return terminalSafe(o.ssid)
}

/**
 * The file's text, at most MAX_SCAN_OUTPUT_BYTES of it (a support ticket may attach anything: a
 * 2 GB log must not be read into memory); `cut` says the rest was left unread.
 */
async function readBounded(path: string): Promise<{ text: string; cut: boolean; size: number }> {
  const file = await open(path, 'r')
  try {
    const { size } = await file.stat()
    const buffer = Buffer.alloc(Math.min(size, MAX_SCAN_OUTPUT_BYTES))
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0)
    return { text: buffer.subarray(0, bytesRead).toString('utf8'), cut: size > bytesRead, size }
  } finally {
    await file.close()
  }
}

/** Renders observations as an aligned text table. */
export function formatTable(observations: readonly Observation[]): string {
  const header = ['SSID', 'BSSID', 'BAND', 'CH', 'WIDTH', 'SECURITY', 'AKM', 'CIPHERS', 'PMF', 'PHY', 'SIGNAL', 'SOURCE']
  const rows = observations.map((o) => [
    printableSsid(o),
    cell(o.bssid),
    o.band === null ? '-' : `${o.band} GHz`,
    cell(o.channel),
    o.channelWidthMhz === null ? '-' : `${o.channelWidthMhz} MHz`,
    cell(o.security.protocols),
    cell(o.security.akm),
    cell(o.security.pairwiseCiphers),
    cell(o.security.pmf),
    cell(o.phy),
    o.signalDbm === null ? '-' : `${o.signalDbm} dBm${o.signalDerived ? ' (est.)' : ''}`,
    o.source
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)))
  const line = (r: readonly string[]) => r.map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - [...c].length))).join('  ').trimEnd()
  return [line(header), ...rows.map(line)].join('\n') + '\n'
}

const parseOptions = commandLineParser(OPTIONS, toOptions)

/** Runs `wc-survey parse`; resolves to the exit code. */
export async function run(args: readonly string[], io: ParseIo = processIo): Promise<number> {
  const line = readCommandLine('parse', args, usage, parseOptions, io)
  if (!line.ok) return line.code
  const options = line.options
  let text: string
  try {
    const read = await readBounded(options.file)
    text = read.text
    if (read.cut) io.err(`wc-survey parse: ${terminalSafe(options.file)} is ${(read.size / 1048576).toFixed(1)} MiB; only its first ${MAX_SCAN_OUTPUT_BYTES / 1048576} MiB are read.\n`)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code // why: fs errors are ErrnoExceptions
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : String(code ?? error)
    io.err(`wc-survey parse: cannot read ${terminalSafe(options.file)} (${why}). Check the path and try again.\n`)
    return 2
  }
  const format = options.format === 'auto' ? detectFormat(text) : options.format
  if (format === null) {
    io.err(`wc-survey parse: ${terminalSafe(options.file)} is in no known scanner format. Pass --format (${SCAN_FORMATS.join(', ')}) if you know which tool wrote it.\n`)
    return 2
  }
  const refusal = format === 'netsh' ? netshLocationRefusal(text) : null
  if (refusal) io.err(`wc-survey parse: ${terminalSafe(refusal.message)}\n${refusal.help.map((h) => `  - ${terminalSafe(h)}`).join('\n')}\n`)
  const result = parseAs(format, text)
  io.out(options.json ? `${jsonTerminalSafe(JSON.stringify(result.observations, null, 2))}\n` : formatTable(result.observations))
  io.err(`wc-survey parse: ${result.observations.length} BSS from ${format}; ${result.skipped} unparseable block(s) skipped\n`)
  for (const w of result.warnings) io.err(`  warning: ${terminalSafe(w)}\n`)
  return 0
}
