/**
 * Takes the fields the survey uses out of the four answers. A field that is missing (older
 * firmware) is `null` without comment; a field of the wrong type is `null` with a warning; fields
 * this build does not know (newer firmware: `relay_k1_v`, `IEEE1547*Crc`, …) are ignored.
 */
import type { ChargerWifi } from '../../shared/model/charger'
import { decodeChargerSsid } from './charger-ssid'

type Body = Readonly<Record<string, unknown>> | null

/** Reads typed fields of one endpoint's object and collects what was wrong. */
class FieldReader {
  constructor(
    private readonly endpoint: string,
    private readonly body: Body,
    private readonly warnings: string[]
  ) {}

  private raw(key: string): unknown {
    if (this.body === null || !Object.hasOwn(this.body, key)) return undefined
    return this.body[key]
  }

  private wrong(key: string, expected: string, value: unknown): null {
    const shown = typeof value === 'string' ? `"${value.slice(0, 40)}"` : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : String(value)
    this.warnings.push(`${this.endpoint}.${key}: expected ${expected}, got ${shown}; ignored`)
    return null
  }

  string(key: string, max = 200): string | null {
    const v = this.raw(key)
    if (v === undefined || v === null) return null
    if (typeof v !== 'string') return this.wrong(key, 'text', v)
    return v.slice(0, max)
  }

  /** A finite number within [min, max]; anything else is a warning. */
  number(key: string, min: number, max: number): number | null {
    const v = this.raw(key)
    if (v === undefined || v === null) return null
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.wrong(key, 'a number', v)
    if (v < min || v > max) return this.wrong(key, `a number from ${min} to ${max}`, v)
    return v
  }

  integer(key: string, min: number, max: number): number | null {
    const v = this.number(key, min, max)
    if (v !== null && !Number.isInteger(v)) return this.wrong(key, 'a whole number', v)
    return v
  }

  boolean(key: string): boolean | null {
    const v = this.raw(key)
    if (v === undefined || v === null) return null
    if (typeof v !== 'boolean') return this.wrong(key, 'true or false', v)
    return v
  }

  numberList(key: string): number[] | null {
    const v = this.raw(key)
    if (v === undefined || v === null) return null
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) return this.wrong(key, 'a list of numbers', v)
    // Cast: every element was checked to be a finite number just above.
    return (v as number[]).slice(0, 64)
  }

  /** A list whose items are shown as text (alerts: numbers or strings, by firmware). */
  textList(key: string): string[] | null {
    const v = this.raw(key)
    if (v === undefined || v === null) return null
    if (!Array.isArray(v)) return this.wrong(key, 'a list', v)
    return v.slice(0, 64).map((x) => (typeof x === 'string' ? x : JSON.stringify(x) ?? String(x)).slice(0, 200))
  }
}

export interface VersionFields {
  readonly firmware: string | null
  readonly partNumber: string | null
  readonly serialNumber: string | null
  readonly webService: string | null
}

export function versionFields(body: Body, warnings: string[]): VersionFields {
  const r = new FieldReader('version', body, warnings)
  return {
    firmware: r.string('firmware_version'),
    partNumber: r.string('part_number'),
    serialNumber: r.string('serial_number'),
    webService: r.string('web_service', 300)
  }
}

export function wifiFields(body: Body, warnings: string[]): ChargerWifi {
  const r = new FieldReader('wifi_status', body, warnings)
  const raw = r.string('wifi_ssid', 256)
  const decoded = raw === null ? null : decodeChargerSsid(raw)
  return {
    ssid: decoded?.ssid ?? null,
    ssidEncoding: decoded?.encoding ?? null,
    rssiDbm: r.number('wifi_rssi', -130, 0),
    snrDb: r.number('wifi_snr', -50, 100),
    signalPercent: r.number('wifi_signal_strength', 0, 100),
    connected: r.boolean('wifi_connected'),
    internet: r.boolean('internet'),
    ip: r.string('wifi_infra_ip', 64),
    mac: r.string('wifi_mac', 64)
  }
}

export interface VitalsFields {
  readonly evseState: number | null
  readonly notReadyReasons: readonly number[] | null
  readonly alerts: readonly string[] | null
  readonly uptimeS: number | null
}

export function vitalsFields(body: Body, warnings: string[]): VitalsFields {
  const r = new FieldReader('vitals', body, warnings)
  return {
    evseState: r.integer('evse_state', 0, 1000),
    notReadyReasons: r.numberList('evse_not_ready_reasons'),
    alerts: r.textList('current_alerts'),
    uptimeS: r.number('uptime_s', 0, 1e10)
  }
}
