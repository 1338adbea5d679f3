/**
 * Linux: node-wifi (its nmcli call) as the baseline, `nmcli -t -f ALL device wifi list` for what
 * node-wifi drops (BANDWIDTH, BAND, SSID-HEX, every field escape-safe) and `iw dev <if> scan dump`
 * for measured dBm, width, ciphers, PMF and rates. Merged by BSSID with priority iw > nmcli > node-wifi.
 * `scan dump` reads the kernel's cache filled by NetworkManager's scans: no root needed.
 */
import type { Observation } from '../../../shared/model/observation'
import { cLocale, isValidInterfaceName, KILL_GRACE_MS, withDeadline, type CommandOutcome, type CommandRunner } from '../command-runner'
import { mergeSources } from '../merge'
import { parseIw } from '../parsers/iw'
import { parseNmcli } from '../parsers/nmcli'
import { commandFailed, noAdapter, permissionDenied, scanFailed, toolMissing } from '../scan-errors'
import { observationsFromNodeWifi, type NodeWifiNetwork } from './node-wifi'
import { MIN_INTERVAL_MS, type ScanOutcome, type Scanner } from './scanner'

export interface LinuxScannerDeps {
  readonly run: CommandRunner
  readonly env: NodeJS.ProcessEnv
  /** node-wifi's scan; null leaves it out. */
  readonly nodeWifiScan: (() => Promise<NodeWifiNetwork[]>) | null
  readonly timeoutMs?: number
}

/** Interface names `iw dev` lists, validated (anything odd is dropped, never passed on). */
export function interfacesOfIwDev(text: string): string[] {
  const names: string[] = []
  for (const m of text.matchAll(/^\s*Interface\s+(\S+)\s*$/gm)) if (m[1] !== undefined && isValidInterfaceName(m[1])) names.push(m[1])
  return names
}

const NMCLI_PACKAGE = 'sudo apt install network-manager   (Debian/Ubuntu; Fedora: sudo dnf install NetworkManager)'
const IW_PACKAGE = 'sudo apt install iw   (Debian/Ubuntu; Fedora: sudo dnf install iw)'

/** Reads nmcli's failure text into a ScanError. */
function nmcliError(outcome: Extract<CommandOutcome, { ok: false }>): ReturnType<typeof scanFailed> {
  const text = `${outcome.stderr}\n${outcome.stdout}`
  if (outcome.kind === 'missing') return toolMissing('nmcli', NMCLI_PACKAGE)
  if (/NetworkManager is not running/i.test(text)) {
    return scanFailed('nmcli', 'NetworkManager is not running', ['Start it: sudo systemctl start NetworkManager', 'Then start the scan again.'])
  }
  if (/not authorized|permission denied|insufficient privileges/i.test(text)) {
    return permissionDenied('nmcli', text.trim().slice(0, 200), ['Log in at the desktop (polkit allows scans for the local user) or run the app as a user in the netdev group.'])
  }
  if (/No Wi-?Fi device found|no wifi device/i.test(text)) return noAdapter('NetworkManager manages no Wi-Fi device')
  return commandFailed('nmcli', outcome)
}

/** The Linux scanner. */
export function createLinuxScanner(deps: LinuxScannerDeps): Scanner {
  const timeoutMs = deps.timeoutMs ?? 15000
  const env = cLocale(deps.env)
  const scan = async (): Promise<ScanOutcome> => {
    // node-wifi takes no deadline: it gets the tools' one, so a hung nmcli cannot stall the scan loop.
    const nodeWifi = deps.nodeWifiScan
      ? withDeadline(
          deps.nodeWifiScan().then(
            (networks) => ({ ok: true as const, networks }),
            (error: unknown) => ({ ok: false as const, message: error instanceof Error ? error.message : String(error) })
          ),
          timeoutMs + 2 * KILL_GRACE_MS,
          () => ({ ok: false as const, message: `no answer within ${Math.round(timeoutMs / 1000)} s` })
        )
      : Promise.resolve(null)
    const [nmcli, iwDev] = await Promise.all([
      deps.run('nmcli', ['--terse', '--fields', 'ALL', 'device', 'wifi', 'list'], { timeoutMs, env }),
      deps.run('iw', ['dev'], { timeoutMs, env })
    ])
    const interfaces = iwDev.ok ? interfacesOfIwDev(iwDev.stdout) : []
    const dumps = await Promise.all(interfaces.map((name) => deps.run('iw', ['dev', name, 'scan', 'dump'], { timeoutMs, env })))
    const baseline = await nodeWifi
    const warnings: string[] = []
    let skipped = 0
    const iwObservations: Observation[] = []
    dumps.forEach((dump, i) => {
      if (dump.ok) {
        const r = parseIw(dump.stdout)
        iwObservations.push(...r.observations)
        skipped += r.skipped
        warnings.push(...r.warnings)
      } else warnings.push(`iw dev ${interfaces[i] ?? '?'} scan dump failed (${dump.kind}): ${dump.stderr.trim().slice(0, 120)}`)
    })
    let nmcliObservations: Observation[] = []
    if (nmcli.ok) {
      const r = parseNmcli(nmcli.stdout)
      nmcliObservations = [...r.observations]
      skipped += r.skipped
      warnings.push(...r.warnings)
    }
    let nodeWifiObservations: Observation[] = []
    if (baseline?.ok) {
      const r = observationsFromNodeWifi(baseline.networks, 'linux')
      nodeWifiObservations = [...r.observations]
      warnings.push(...r.warnings)
    } else if (baseline && !baseline.ok) warnings.push(`node-wifi scan failed: ${baseline.message.slice(0, 160)}`)
    if (!nmcli.ok && !iwDev.ok) {
      // Neither tool can run: name the one to install first (nmcli drives the scans).
      if (nmcli.kind === 'missing' && iwDev.kind === 'missing') return { ok: false, error: toolMissing('nmcli and iw', `${NMCLI_PACKAGE}; ${IW_PACKAGE}`) }
      return { ok: false, error: nmcliError(nmcli) }
    }
    if (!iwDev.ok && iwDev.kind === 'missing') warnings.push(`iw is not installed: channel width, ciphers and measured dBm come only from nmcli. Install it: ${IW_PACKAGE}`)
    if (!nmcli.ok) {
      const e = nmcliError(nmcli)
      warnings.push(`${e.message} ${e.help.join(' ')}`)
      if (interfaces.length === 0) return { ok: false, error: iwDev.ok ? noAdapter('`iw dev` lists no wireless interface') : e }
    }
    if (nmcli.ok && nmcliObservations.length === 0 && iwObservations.length === 0 && interfaces.length === 0) {
      return { ok: false, error: noAdapter('`iw dev` lists no wireless interface and nmcli sees no network') }
    }
    const observations = mergeSources([iwObservations, nmcliObservations, nodeWifiObservations])
    return { ok: true, observations, skipped, warnings }
  }
  return { name: deps.nodeWifiScan ? 'Linux (nmcli + iw, node-wifi baseline)' : 'Linux (nmcli + iw)', minIntervalMs: MIN_INTERVAL_MS, scan }
}
