/**
 * One charger location on its own page(s): verdict, the chargers' network signal and channel
 * chart, the findings with their requirement IDs, the firewall checks, and the drivers' network.
 */
import { PHOTO_KIND_LABELS, photoDataUrl, type Photo } from '../../../shared/model/photo'
import type { ReactNode } from 'react'
import { ChannelChart } from '../charts/channel-chart'
import { selectChannelSpans } from '../charts/channel-spans'
import { requirementIdForDisplay, type Finding } from '../../../shared/model/finding'
import type { ProbeProtocol, ProbeResult, ProbeRun } from '../../../shared/model/probe'
import { PROFILE } from '../../../shared/requirements/profile'
import { OutcomeChip, ResultChip, VerdictChip } from './chips'
import { formatDateTime, type ZoneOptions } from '../../../shared/text/date-time'
import { formatDbm } from './format'
import { visibleText } from '../../../shared/text/hidden-chars'
import { requirementTitle } from '../../../shared/requirements/profile'
import type { LocationReport, NetworkSignal, PhoneNetwork } from './report-model'
import { SignalBar } from './signal-bar'
import { probeTally } from './summary'
import { UserText } from './user-text'
import type { WatchRecord } from '../../../shared/model/watch'
import { duration, WatchSummaryList } from '../watch/watch-summary'
import { WatchTimeline } from '../watch/watch-timeline'

/** Chart width in CSS px: fits the text column of both A4 and Letter with 14 mm margins. */
export const REPORT_CHART_WIDTH = 680

function describeBss(s: NetworkSignal): string {
  const parts = [
    s.band === null ? 'band unknown' : `${s.band} GHz`,
    s.channel === null ? 'channel unknown' : `channel ${s.channel}`,
    s.channelWidthMhz === null ? 'width not reported' : `${s.channelWidthMhz} MHz`,
    s.bssid === null ? 'BSSID withheld' : s.bssid
  ]
  return `${parts.join(' · ')} — ${s.bssCount} BSS of this network seen`
}

function TargetSignal(props: { readonly ssid: string; readonly target: NetworkSignal | null }) {
  const { signal } = PROFILE.parameters
  return (
    <div className="rpt-signal">
      <div>
        <div className="rpt-small rpt-muted">Chargers&apos; network</div>
        <div>
          <strong>
            <UserText text={props.ssid} empty="target SSID not set" />
          </strong>
        </div>
        <div className="rpt-signal-reading">{props.target === null ? 'Not seen' : formatDbm(props.target.signalDbm, props.target.signalDerived)}</div>
      </div>
      <div>
        <SignalBar dbm={props.target?.signalDbm ?? null} thresholds={signal} />
        <div className="rpt-small rpt-muted">
          {props.target === null ? 'The network was not seen in this measurement.' : describeBss(props.target)}
          {props.target?.signalDerived === true && ' — signal derived from a percentage by the scanner (≈).'} WIFI-SIGNAL: pass
          at {signal.passDbm} dBm or better, warning down to {signal.warnDbm} dBm (survey practice, not a vendor figure).
        </div>
      </div>
    </div>
  )
}

function FindingsTable(props: { readonly findings: readonly Finding[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th style={{ width: '14mm' }}>Result</th>
          <th style={{ width: '52mm' }}>Requirement</th>
          <th>Evidence</th>
          <th style={{ width: '55mm' }}>What to do</th>
        </tr>
      </thead>
      <tbody>
        {props.findings.map((f) => (
          <tr key={`${f.requirement}:${f.evidence}`}>
            <td>
              <ResultChip result={f.result} />
            </td>
            <td>
              <span className="rpt-id">
                <UserText text={f.requirement} />
              </span>
              <div className="rpt-small">{requirementTitle(f.requirement)}</div>
              {f.explanation !== '' && (
                <div className="rpt-small rpt-muted">
                  <UserText text={f.explanation} />
                </div>
              )}
            </td>
            <td className="rpt-small">
              <UserText text={f.evidence} />
            </td>
            <td className="rpt-small">
              <UserText text={f.remediation} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Evidence of a pass, shortened: the full record is in the probe table and the appendix. */
function clip(text: string): string {
  const chars = [...text]
  return chars.length > 170 ? `${chars.slice(0, 169).join('')}…` : text
}

function PassedTable(props: { readonly findings: readonly Finding[] }) {
  return (
    <table className="rpt-compact rpt-pass-list">
      <thead>
        <tr>
          <th style={{ width: '14mm' }}>Result</th>
          <th style={{ width: '52mm' }}>Requirement</th>
          <th>Evidence</th>
        </tr>
      </thead>
      <tbody>
        {props.findings.map((f) => (
          <tr key={`${f.requirement}:${f.evidence}`}>
            <td>
              <ResultChip result={f.result} />
            </td>
            <td>
              <span className="rpt-id">
                <UserText text={f.requirement} />
              </span> {requirementTitle(f.requirement)}
            </td>
            <td>
              <UserText text={clip(f.evidence)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const PROTOCOLS: readonly { readonly protocol: ProbeProtocol; readonly title: string }[] = [
  { protocol: 'dns', title: 'DNS · UDP 53' },
  { protocol: 'ntp', title: 'NTP · UDP 123' },
  { protocol: 'http', title: 'HTTP · TCP 80' },
  { protocol: 'tls', title: 'TLS · TCP 443' }
]

const latency = (r: ProbeResult): string => (r.latencyMs === null ? '' : `${Math.round(r.latencyMs)} ms`)

/** Results by host, in the run's order: one matrix row per host. */
function byHost(results: readonly ProbeResult[]): Map<string, ProbeResult[]> {
  const hosts = new Map<string, ProbeResult[]>()
  for (const r of results) hosts.set(r.host, [...(hosts.get(r.host) ?? []), r])
  return hosts
}

/**
 * The probe run: context, a host × protocol matrix (outcome and latency per cell), then every
 * check that did not pass with its requirement, kind, the firewall rule to add and the detail.
 */
export function ProbeTable(props: { readonly run: ProbeRun; readonly zone: ZoneOptions }) {
  const { run } = props
  const ctx = run.context
  const dns = ctx.dnsServers.length === 0 ? 'none reported' : ctx.dnsServers.join(', ')
  const problems = run.results.filter((r) => r.outcome !== 'pass')
  return (
    <>
      <p className="rpt-small">
        Run {formatDateTime(run.startedAt, props.zone)} on network <UserText text={ctx.ssid ?? ''} empty="(unknown)" /> — interface{' '}
        <UserText text={ctx.interface ?? ''} empty="unknown" />, address <UserText text={ctx.localIp ?? ''} empty="unknown" />,
        gateway <UserText text={ctx.gateway ?? ''} empty="unknown" />, DNS <UserText text={dns} />
        {ctx.wired === true && ' (the laptop also had a wired connection)'}. <strong>{probeTally(run)}.</strong>
      </p>
      {ctx.warnings.map((w) => (
        <div key={w} className="rpt-callout">
          <UserText text={w} />
        </div>
      ))}
      <table className="rpt-compact rpt-probe">
        <thead>
          <tr>
            <th>Host</th>
            {PROTOCOLS.map((p) => (
              <th key={p.protocol}>{p.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...byHost(run.results)].map(([host, results]) => (
            <tr key={host}>
              <td className="rpt-mono">
                <UserText text={host} />
                {results[0]?.wildcard != null && <div className="rpt-muted">for {results[0].wildcard}</div>}
              </td>
              {PROTOCOLS.map((p) => (
                <td key={p.protocol}>
                  {results
                    .filter((r) => r.protocol === p.protocol)
                    .map((r, i) => (
                      <div key={i}>
                        <OutcomeChip outcome={r.outcome} /> {r.outcome === 'fail' && r.kind !== null ? r.kind : latency(r)}
                      </div>
                    ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > 0 && (
        <table className="rpt-compact">
          <thead>
            <tr>
              <th>Outcome</th>
              <th>Requirement</th>
              <th>Host</th>
              <th>Protocol</th>
              <th>Kind</th>
              <th className="rpt-num">Latency</th>
              <th>Rule to add / detail</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((r, i) => (
              <tr key={i}>
                <td>
                  <OutcomeChip outcome={r.outcome} />
                </td>
                <td className="rpt-id">
                  <UserText text={requirementIdForDisplay(r.requirement)} />
                </td>
                <td className="rpt-mono">
                  <UserText text={r.host} />
                </td>
                <td>
                  {r.protocol.toUpperCase()} {r.port}
                </td>
                <td>{r.kind ?? ''}</td>
                <td className="rpt-num">{latency(r) || '—'}</td>
                <td>
                  {r.rule !== '' && (
                    <div>
                      <strong>
                        <UserText text={r.rule} />
                      </strong>
                    </div>
                  )}
                  {r.wildcard !== null && <div>The rule must allow the whole wildcard {r.wildcard}.</div>}
                  <UserText text={r.detail} empty="" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

function PhoneBlock(props: { readonly phone: PhoneNetwork; readonly cellularNote: string }) {
  const { phone } = props
  const s = phone.strongest
  return (
    <>
      <dl className="rpt-phone">
        <div>
          <dt>Visible</dt>
          <dd>{phone.visible ? 'Yes' : 'No'}</dd>
        </div>
        <div>
          <dt>Security</dt>
          <dd>{!phone.visible ? '—' : phone.open === null ? 'Unknown' : phone.open ? 'Open (no password)' : 'Secured (should be open)'}</dd>
        </div>
        <div>
          <dt>Band / channel</dt>
          <dd>{s === null ? '—' : `${s.band ?? '?'} GHz · ch ${s.channel ?? '?'}`}</dd>
        </div>
        <div>
          <dt>Signal</dt>
          <dd>{s === null ? '—' : formatDbm(s.signalDbm, s.signalDerived)}</dd>
        </div>
      </dl>
      <p className="rpt-small">
        Cellular signal at the stall (technician&apos;s note): <UserText text={props.cellularNote} empty="not recorded" />
      </p>
    </>
  )
}

/** The stall's latest watch (WIFI-STABLE's evidence): when, the timeline chart and the figures. */
function WatchBlock(props: { readonly record: WatchRecord; readonly locationName: string; readonly zone: ZoneOptions }) {
  const r = props.record
  const state = r.state === 'finished' ? 'ran its planned time' : r.state === 'stopped' ? 'was stopped early' : 'did not end (the app closed during it)'
  return (
    <div className="rpt-watch">
      {/* The block often starts a page of its own: its heading names the stall. */}
      <h3>
        Watch of this stall (WIFI-STABLE): <UserText text={props.locationName} />
      </h3>
      <p className="rpt-small rpt-muted">
        Started {formatDateTime(r.startedAt, props.zone)}, planned {duration(r.plannedMs)}; it {state}. A scan every {Math.round(r.intervalMs / 1000)} s
        {r.checkEveryMs > 0 ? `, a connectivity check (DNS, TLS 443, NTP) every ${Math.round(r.checkEveryMs / 1000)} s` : ', no connectivity checks'}.
      </p>
      <WatchTimeline record={r} zone={props.zone} />
      <WatchSummaryList record={r} zone={props.zone} />
    </div>
  )
}

/** A location's section; `index` counts from 0. */
/** The location's photos, each sized to fit half the page's width (a tall one to a fixed height), with its kind and caption. */
function PhotosBlock(props: { readonly photos: readonly Photo[] }) {
  return (
    <>
      <h3>Photos</h3>
      <div className="rpt-photos">
        {props.photos.map((p) => (
          <figure key={p.id} className="rpt-photo">
            {/* EXIF orientation: Chromium prints <img> with image-orientation: from-image, as it shows it. */}
            <img src={photoDataUrl(p)} alt={p.caption !== '' ? p.caption : PHOTO_KIND_LABELS[p.kind]} />
            <figcaption>
              <strong>{PHOTO_KIND_LABELS[p.kind]}</strong>
              {p.caption !== '' && (
                <>
                  : <UserText text={p.caption} />
                </>
              )}
            </figcaption>
          </figure>
        ))}
      </div>
      <p className="rpt-small rpt-muted">Location data (GPS) and camera details were removed from the photos when they were added.</p>
    </>
  )
}

export function LocationSection(props: {
  readonly location: LocationReport
  readonly index: number
  readonly total: number
  readonly targetSsid: string
  /** The site's zone every time is shown in (siteZone). */
  readonly zone: ZoneOptions
  /** Where the location is on the garage map (LocationWhere); nothing when unplaced. */
  readonly where?: ReactNode
}) {
  const l = props.location
  const m = l.measurement
  const open = l.findings.filter((f) => f.result !== 'pass')
  const passed = l.findings.filter((f) => f.result === 'pass')
  // The chart draws SSIDs as SVG text: hidden characters made visible first, as everywhere in the report.
  const spans = m === null ? [] : selectChannelSpans(m.observations, '2.4', props.targetSsid).map((sp) => ({ ...sp, label: visibleText(sp.label) }))
  return (
    <section className="rpt-page" data-section="location" data-location-id={l.id}>
      <div className="rpt-loc-head">
        <h2>
          <span className="rpt-loc-no">
            Location {props.index + 1} of {props.total}
          </span>
          <UserText text={l.name} />
        </h2>
        <VerdictChip verdict={l.verdict.verdict} />
      </div>
      <p>
        <strong>
          <UserText text={l.verdict.reason} />
        </strong>
      </p>
      <p className="rpt-small rpt-muted">
        {m === null
          ? 'No measurement was taken at this location.'
          : `Measured ${formatDateTime(m.takenAt, props.zone)} · ${m.scanCount} scan${m.scanCount === 1 ? '' : 's'} combined · ${m.observations.length} access points seen · judged with profile ${m.profileVersion}${l.measurementCount > 1 ? ` · latest of ${l.measurementCount} measurements` : ''}`}
      </p>
      {props.where}
      {l.notes !== '' && (
        <div className="rpt-notes">
          <UserText text={l.notes} multiline />
        </div>
      )}

      {m !== null && (
        <>
          <TargetSignal ssid={props.targetSsid} target={l.target} />
          <div className="rpt-chart">
            <ChannelChart band="2.4" spans={spans} width={REPORT_CHART_WIDTH} height={210} draw="svg" animate={false} maxLabels={10} />
          </div>
        </>
      )}

      <h3>Findings{open.length > 0 ? ' to act on' : ''}</h3>
      {l.findings.length === 0 ? (
        <p>No findings: measure this location to judge it.</p>
      ) : open.length === 0 ? (
        <p>Every requirement passes at this location.</p>
      ) : (
        <FindingsTable findings={open} />
      )}
      {passed.length > 0 && open.length > 0 && <h4 className="rpt-subhead">Passing ({passed.length})</h4>}
      {passed.length > 0 && <PassedTable findings={passed} />}

      {l.watch !== null && <WatchBlock record={l.watch} locationName={l.name} zone={props.zone} />}

      <h3>Connectivity (firewall checks)</h3>
      {l.probe === null ? (
        <p>No firewall check was run at this location: the connectivity requirements (NET-DNS, NET-NTP, NET-HTTP, NET-TLS, NET-DOMAINS, WIFI-PORTAL) are not proven here.</p>
      ) : (
        <ProbeTable run={l.probe} zone={props.zone} />
      )}

      <h3>Drivers&apos; phones (SITE-PHONE): {PROFILE.parameters.phoneSsid}</h3>
      <PhoneBlock phone={l.phone} cellularNote={l.cellularNote} />

      {l.photos.length > 0 && <PhotosBlock photos={l.photos} />}
    </section>
  )
}
