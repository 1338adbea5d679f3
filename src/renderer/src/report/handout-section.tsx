/**
 * The report's IT handout page (NET-DNS, NET-NTP, NET-HTTP, NET-TLS, NET-DOMAINS, SITE-PHONE): what
 * the survey's probe runs saw fail, the firewall rules to add, the note on wildcards and what the
 * drivers' network needs — for the site's IT, from the same allowlist as `wc-survey rules`.
 * Kept apart from the remediation checklist on purpose: this page is handed over as it is.
 */
import { useMemo } from 'react'
import type { Survey } from '../../../shared/model/survey'
import { buildAllowlist, destinationLabel, failedRules, type AllowRule } from '../../../shared/requirements/allowlist'
import { driversNetworkNeeds } from '../../../shared/handout/drivers-network'
import { portLabel, SEEN_LABEL, surveyStatus, WILDCARD_EXPLANATION } from '../../../shared/handout/formats'
import { UserText } from './user-text'
import './handout.css'

function RulesTable(props: { readonly rules: readonly AllowRule[]; readonly caption: string; readonly showSeen: boolean }) {
  return (
    <table className="rpt-compact rpt-handout-rules" aria-label={props.caption}>
      <thead>
        <tr>
          <th>Protocol</th>
          <th>Port</th>
          <th>Destination</th>
          <th>Why</th>
          {props.showSeen && <th>This survey</th>}
          <th>Note</th>
        </tr>
      </thead>
      <tbody>
        {props.rules.map((r) => (
          <tr key={r.key} className={r.seen === 'fail' ? 'rpt-handout-failed' : undefined}>
            <td>{r.protocol.toUpperCase()}</td>
            <td className="rpt-nowrap">{portLabel(r)}</td>
            <td className="rpt-mono">{destinationLabel(r.destination)}</td>
            <td className="rpt-id">{r.requirements.join(', ')}</td>
            {props.showSeen && <td className="rpt-nowrap">{SEEN_LABEL[r.seen]}</td>}
            <td>{r.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The IT handout page of the report. */
export function HandoutSection(props: { readonly survey: Survey }) {
  const list = useMemo(() => buildAllowlist(props.survey), [props.survey])
  const failed = failedRules(list)
  return (
    <section className="rpt-page rpt-handout" data-section="it-handout">
      <h2>IT handout — firewall rules for the chargers&apos; network</h2>
      <p>
        Site: <UserText text={props.survey.site.name} empty="(no name)" />. {surveyStatus(list)} Each rule names the requirement behind it (profile {list.profile.id} {list.profile.version}). Files to paste —
        nftables with dnsmasq <span className="rpt-mono">nftset</span> lines, CSV, JSON — come from the app&apos;s IT handout page,{' '}
        <span className="rpt-mono">wc-survey rules --survey FILE</span>, or beside this PDF on request.
      </p>

      <h3>What failed</h3>
      {failed.length === 0 ? (
        <p>{list.probeRuns === 0 ? 'Nothing was probed on the chargers\' network yet: no failure is known.' : 'No check failed: the firewall let every required connection out.'}</p>
      ) : (
        <ul className="rpt-handout-failures">
          {failed.flatMap((rule) =>
            rule.failures.map((f) => (
              <li key={`${rule.key}:${f.host}:${f.kind ?? ''}`}>
                <strong>
                  {f.protocol.toUpperCase()} {f.host}
                </strong>
                : {f.kind ?? 'failed'}
                {f.locations.length > 0 && (
                  <>
                    {' '}
                    (seen at{' '}
                    {f.locations.map((l, i) => (
                      <span key={l}>
                        {i > 0 && ', '}
                        <UserText text={l} />
                      </span>
                    ))}
                    )
                  </>
                )}
                {f.advice !== '' && <> — {f.advice}</>}
              </li>
            ))
          )}
        </ul>
      )}

      {failed.length > 0 && (
        <>
          <h3>Rules to add</h3>
          <RulesTable rules={failed} caption="Rules to add" showSeen={false} />
        </>
      )}

      <div className="rpt-callout">
        <strong>Wildcards need DNS.</strong> {WILDCARD_EXPLANATION}
      </div>

      <h3>{failed.length > 0 ? 'The whole allowlist' : 'The allowlist'}</h3>
      <RulesTable rules={list.rules} caption="The whole allowlist" showSeen={list.probeRuns > 0} />
      <p className="rpt-small rpt-muted">Everything else from the chargers&apos; network can stay blocked (the nftables file is default-deny).</p>

      <h3>The drivers&apos; network (SITE-PHONE)</h3>
      <ul className="rpt-handout-needs">
        {driversNetworkNeeds().map((n) => (
          <li key={n.what}>
            <strong>{n.what}.</strong> {n.detail}
          </li>
        ))}
      </ul>
    </section>
  )
}
