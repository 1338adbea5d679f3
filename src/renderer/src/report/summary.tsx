/**
 * Page 2: every location with its verdict, and the remediation checklist grouped by who acts.
 */
import type { ProbeRun } from '../../../shared/model/probe'
import { VerdictChip } from './chips'
import { formatDbm } from './format'
import type { ChecklistItem, LocationReport, ReportModel } from './report-model'
import { UserText } from './user-text'
import { atLocationsLine } from '../../../shared/requirements/headline'
import { accessPointsLine } from '../../../shared/report/what-to-change'

/** "22 of 24 passed", or why there is no figure. */
export function probeTally(run: ProbeRun | null): string {
  if (run === null) return 'not run'
  const total = run.results.length
  const passed = run.results.filter((r) => r.outcome === 'pass').length
  return `${passed} of ${total} passed${run.cancelled ? ' (cancelled)' : ''}`
}

function SummaryRow(props: { readonly location: LocationReport; readonly index: number }) {
  const l = props.location
  return (
    <tr>
      <td className="rpt-num">{props.index + 1}</td>
      <td>
        <strong>
          <UserText text={l.name} />
        </strong>
      </td>
      <td>
        <VerdictChip verdict={l.verdict.verdict} />
      </td>
      <td className="rpt-num">{l.counts.fail}</td>
      <td className="rpt-num">{l.counts.warn}</td>
      <td className="rpt-num">{l.counts.unknown}</td>
      <td className="rpt-num">{l.target === null ? 'not seen' : formatDbm(l.target.signalDbm, l.target.signalDerived)}</td>
      <td>{probeTally(l.probe)}</td>
      <td className="rpt-small">
        <UserText text={l.verdict.reason} />
      </td>
    </tr>
  )
}

function ChecklistGroup(props: { readonly title: string; readonly who: string; readonly items: readonly ChecklistItem[]; readonly none: string; readonly total: number }) {
  return (
    <div className="rpt-check-group">
      <h4>
        {props.title} <span>— {props.who}</span>
      </h4>
      {props.items.length === 0 ? (
        <p className="rpt-muted">{props.none}</p>
      ) : (
        <ul className="rpt-check">
          {props.items.map((item) => (
            <li key={`${item.requirement}:${item.action}`}>
              <span className="rpt-box" aria-hidden="true" />
              <div>
                <span className="rpt-id">
                  <UserText text={item.requirement} />
                </span> <UserText text={item.action} />
                {item.detail !== '' && (
                  <div className="rpt-small">
                    <UserText text={item.detail} />
                  </div>
                )}
                {item.accessPoints.length > 0 && (
                  <div className="rpt-small" data-testid="check-access-points">
                    {accessPointsLine(item.accessPoints)}
                  </div>
                )}
                <div className="rpt-where">
                  <UserText text={atLocationsLine(item.locations, props.total)} />
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** The summary table and the checklist. */
export function Summary(props: { readonly model: ReportModel }) {
  const { locations, checklist } = props.model
  const total = locations.length
  return (
    <section className="rpt-page" data-section="summary">
      <h2>Summary by location</h2>
      {total === 0 ? (
        <p>No charger locations were added to this survey.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th className="rpt-num">#</th>
              <th>Location</th>
              <th>Verdict</th>
              <th className="rpt-num">Fail</th>
              <th className="rpt-num">Warn</th>
              <th className="rpt-num">Unknown</th>
              <th className="rpt-num">Signal</th>
              <th>Internet checks</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {locations.map((l, i) => (
              <SummaryRow key={l.id} location={l} index={i} />
            ))}
          </tbody>
        </table>
      )}
      <p className="rpt-small rpt-muted">
        Signal: the chargers&apos; network (target SSID), strongest 2.4 GHz access point at the location. Internet checks:
        the firewall probe run taken at the location (DNS, NTP, HTTP, TLS to every host the chargers need).
      </p>

      <h2 className="rpt-gap">What to change</h2>
      <ChecklistGroup
        title="Firewall rules to add"
        who="network administrator"
        items={checklist.firewall}
        total={total}
        none="No firewall change needed: every internet check that ran passed."
      />
      <ChecklistGroup
        title="Access-point settings to change"
        who="network administrator"
        items={checklist.accessPoint}
        total={total}
        none="No access-point change needed."
      />
      <ChecklistGroup
        title="Site"
        who="site manager"
        items={checklist.site}
        total={total}
        none="Nothing to do for the drivers' network or billing."
      />
      <ChecklistGroup
        title="Still to do on site"
        who="technician (survey steps, no change to the network)"
        items={checklist.technician}
        total={total}
        none="No survey step left: every location was measured and checked."
      />
    </section>
  )
}
