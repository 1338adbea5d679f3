/**
 * Runs the probe plan: every check in parallel, each bounded by its own timeout, the whole run
 * by an overall bound, cancellable, reporting each result as it lands.
 */
import { randomUUID } from 'node:crypto'
import { getServers } from 'node:dns'
import { setMaxListeners } from 'node:events'
import type { ProbeContext, ProbeProtocol, ProbeResult, ProbeRun } from '../../shared/model/probe'
import { createAddressBook, pickAddress, type AddressBook } from './address-book'
import { notRun, type CheckOutcome } from './check-types'
import { readContext, type ContextDeps } from './context'
import { judgeDns, rawDnsQuery } from './dns-check'
import { describeKind } from './failure-kind'
import { httpCheck } from './http-check'
import { ntpCheck } from './ntp-check'
import { buildPlan, type PlannedCheck } from './plan'
import { readResolvers } from './resolv-conf'
import { WILDCARD_NOTE } from '../../shared/requirements/allowlist'
import { ruleFor } from './rules'
import { tlsCheck } from './tls-check'

/** The default per-check timeout. */
export const DEFAULT_TIMEOUT_MS = 4000
/** Slack on top of the longest legitimate check before the run gives up on stragglers. */
const OVERALL_SLACK_MS = 1000

/**
 * The run's overall bound. The longest legitimate chain is a name lookup (up to 0.6 × timeout)
 * followed by a connection with its own full timeout, so the bound sits past that: with only
 * `timeout + 1 s`, a loaded machine that starts the checks late reported dropped traffic as
 * "not run" instead of "timeout". It only stops stragglers; a dropped run still ends after about
 * one per-check timeout, since every check times out on its own clock.
 */
export function overallBoundMs(timeoutMs: number): number {
  return 2 * timeoutMs + OVERALL_SLACK_MS
}

export interface ProbeEngineDeps {
  readonly context: ContextDeps
  /** The OS resolver configuration; /etc/resolv.conf by default. */
  readonly resolvConfPath?: string
  /** Where a local stub's upstream resolvers are listed (systemd-resolved). */
  readonly upstreamResolvConfPath?: string
  /** Extra trusted roots (PEM) on top of Node's store; tests only — the app uses NODE_EXTRA_CA_CERTS. */
  readonly extraCa?: readonly string[]
  /** Port overrides, for tests against loopback servers. */
  readonly ports?: Partial<Record<ProbeProtocol, number>>
  /** The plan; the profile's by default. */
  readonly plan?: readonly PlannedCheck[]
}

/** What the runner reports as it goes (the handler adds the run ID). */
export interface RunProgress {
  readonly context: ProbeContext | null
  readonly result: ProbeResult | null
  readonly done: number
  readonly total: number
}

export interface RunOptions {
  readonly timeoutMs?: number
  readonly targetSsid?: string | null
  readonly signal?: AbortSignal
  readonly runId?: string
  readonly onProgress?: (progress: RunProgress) => void
}

/** Adds the requirement, the rule and the wildcard note to a check's own outcome. */
export function toResult(check: PlannedCheck, outcome: CheckOutcome, resolver: string | null): ProbeResult {
  const wildcardNote = check.wildcard ? ` [${check.host} stands for ${check.wildcard}: ${WILDCARD_NOTE}]` : ''
  return {
    // A captive portal is its own requirement (WIFI-PORTAL), whatever the port it was seen on.
    requirement: outcome.kind === 'captive-portal' ? 'WIFI-PORTAL' : check.requirement,
    host: check.host,
    protocol: check.protocol,
    port: check.port,
    outcome: outcome.outcome,
    kind: outcome.kind,
    latencyMs: outcome.latencyMs,
    detail: `${outcome.detail}${wildcardNote}`.slice(0, 4000),
    rule: outcome.outcome === 'fail' ? ruleFor(check, outcome.kind, resolver) : '',
    wildcard: check.wildcard
  }
}

interface CheckEnv {
  readonly book: AddressBook
  readonly resolver: string | null
  readonly timeoutMs: number
  readonly runSignal: AbortSignal
  readonly extraCa: readonly string[]
}

/**
 * A check's signal: the run's, plus its own timeout. Not `AbortSignal.timeout()`: inside
 * `AbortSignal.any()` Node can garbage-collect that timeout signal before it fires
 * (nodejs/node#57736), and the check then waited for the overall bound and came back "not run"
 * instead of "timeout" — seen in the lab as a rare flake. This timer holds its controller.
 */
function checkSignal(runSignal: AbortSignal, timeoutMs: number): { signal: AbortSignal; dispose(): void } {
  const timeout = new AbortController()
  const timer = setTimeout(() => timeout.abort(new DOMException('The check timed out', 'TimeoutError')), timeoutMs)
  return { signal: AbortSignal.any([runSignal, timeout.signal]), dispose: () => clearTimeout(timer) }
}

async function runCheck(check: PlannedCheck, port: number, env: CheckEnv): Promise<CheckOutcome> {
  const { signal, dispose } = checkSignal(env.runSignal, env.timeoutMs)
  try {
    return await runCheckWith(check, port, env, signal)
  } finally {
    dispose()
  }
}

async function runCheckWith(check: PlannedCheck, port: number, env: CheckEnv, signal: AbortSignal): Promise<CheckOutcome> {
  const retryAfter = Math.floor(env.timeoutMs / 2)
  if (check.protocol === 'dns') {
    const [raw, os] = await Promise.all([
      env.resolver === null ? Promise.resolve(null) : rawDnsQuery(env.resolver, port, check.host, signal, retryAfter),
      env.book.resolve(check.host)
    ])
    return judgeDns(check.host, env.resolver, raw, os)
  }
  const resolution = await env.book.resolve(check.host)
  if (env.runSignal.aborted) return notRun('cancelled')
  if (!resolution.ok) {
    return notRun(`needs an address, but ${check.host} did not resolve (${describeKind(resolution.kind)}): fix DNS first (see the DNS row)`)
  }
  const address = pickAddress(resolution)
  switch (check.protocol) {
    case 'ntp':
      return ntpCheck(check.host, address, port, signal, Math.floor(retryAfter / 2))
    case 'http':
      return httpCheck(check.host, address, port, signal)
    case 'tls':
      return tlsCheck(check.host, address, port, signal, env.extraCa)
  }
}

/** Runs the whole plan once. Never throws for network trouble: every failure is a result. */
export async function runProbe(deps: ProbeEngineDeps, options: RunOptions = {}): Promise<ProbeRun> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const plan = deps.plan ?? buildPlan()
  const id = options.runId ?? randomUUID()
  const startedAt = new Date().toISOString()
  const emit = options.onProgress ?? (() => {})
  const total = plan.length
  emit({ context: null, result: null, done: 0, total })

  const run = new AbortController()
  // Every check and every name lookup listens on the run's signal: dozens of listeners is by design.
  setMaxListeners(plan.length * 4 + 16, run.signal)
  const cancel = () => run.abort(new Error('cancelled'))
  options.signal?.addEventListener('abort', cancel, { once: true })
  if (options.signal?.aborted) cancel()
  const overall = setTimeout(() => run.abort(new Error('overall time limit')), overallBoundMs(timeoutMs))

  let done = 0
  let closed = false
  try {
    const resolvers = await readResolvers(
      deps.resolvConfPath ?? '/etc/resolv.conf',
      deps.upstreamResolvConfPath,
      deps.context.platform === 'win32' ? getServers : undefined
    )
    const contextPromise = Promise.race([
      readContext(deps.context, resolvers.os, options.targetSsid ?? null),
      whenAborted(run.signal).then(() => unreadContext(resolvers.os))
    ]).then((context) => {
      if (!closed) emit({ context, result: null, done, total })
      return context
    })
    // The dependent checks get most, not all, of the timeout for the name lookup: a name that
    // does not resolve makes them not-run with that reason, rather than time out themselves.
    const book = createAddressBook(resolvers.os, Math.floor(timeoutMs * 0.6), run.signal, deps.ports?.dns ?? 53)
    const env: CheckEnv = {
      book,
      resolver: resolvers.network[0] ?? null,
      timeoutMs,
      runSignal: run.signal,
      extraCa: deps.extraCa ?? []
    }
    const results: (ProbeResult | null)[] = plan.map(() => null)
    const pending = plan.map(async (check, index) => {
      const port = deps.ports?.[check.protocol] ?? check.port
      const outcome = await runCheck(check, port, env).catch((error: unknown) =>
        notRun(`the check itself failed (${error instanceof Error ? error.message : String(error)}); please report this`)
      )
      if (closed) return
      const final = run.signal.aborted && outcome.outcome !== 'pass' ? stopped(run.signal) : outcome
      const result = toResult(check, final, env.resolver)
      results[index] = result
      done += 1
      emit({ context: null, result, done, total })
    })
    // The overall bound: whatever has not landed when it fires is reported as not run.
    await Promise.race([Promise.all(pending), whenAborted(run.signal)])
    await Promise.race([Promise.all(pending), new Promise((resolve) => setTimeout(resolve, 250))])
    closed = true
    const context = await contextPromise
    const finished = plan.map((check, index) => results[index] ?? toResult(check, stopped(run.signal), env.resolver))
    return {
      id,
      startedAt,
      finishedAt: new Date().toISOString(),
      cancelled: options.signal?.aborted ?? false,
      context,
      results: finished
    }
  } finally {
    clearTimeout(overall)
    options.signal?.removeEventListener('abort', cancel)
  }
}

/** Resolves when the signal aborts — at once if it already has. */
function whenAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve()
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))
}

function unreadContext(dnsServers: readonly string[]): ProbeContext {
  return {
    interface: null,
    ssid: null,
    localIp: null,
    gateway: null,
    dnsServers: [...dnsServers],
    wired: null,
    warnings: ['The network context (interface, Wi-Fi name, gateway) could not be read before the run ended.']
  }
}

function stopped(signal: AbortSignal): CheckOutcome {
  const reason: unknown = signal.reason
  return reason instanceof Error && reason.message === 'overall time limit'
    ? notRun("the run's overall time limit ran out before this check finished")
    : notRun('cancelled before this check finished')
}
