/**
 * The pieces the IT handout page and the report's IT handout page share: the rules table and the
 * list of what failed, from the allowlist (src/shared/requirements/allowlist). `print` picks the
 * report's classes (rpt-*), otherwise the app's.
 */
import { destinationLabel, type AllowRule } from '../../../shared/requirements/allowlist'
import { portLabel, SEEN_LABEL } from '../../../shared/handout/formats'
import { UserText } from '../report/user-text'

const CLASSES = {
  app: { table: 'table handout-rules', failed: 'handout-failed', mono: 'mono nowrap', id: 'nowrap', nowrap: 'nowrap', note: 'handout-note' },
  print: { table: 'rpt-compact rpt-handout-rules', failed: 'rpt-handout-failed', mono: 'rpt-mono', id: 'rpt-id', nowrap: 'rpt-nowrap', note: undefined }
} as const

/** Protocol, port, destination, why (requirement IDs), what the survey saw, note. */
export function RulesTable(props: { readonly rules: readonly AllowRule[]; readonly label: string; readonly showSeen: boolean; readonly print?: boolean }) {
  const c = CLASSES[props.print === true ? 'print' : 'app']
  return (
    <table className={c.table} aria-label={props.label}>
      <thead>
        <tr>
          <th scope="col">Protocol</th>
          <th scope="col">Port</th>
          <th scope="col">Destination</th>
          <th scope="col">Why</th>
          {props.showSeen && <th scope="col">This survey</th>}
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {props.rules.map((r) => (
          <tr key={r.key} className={r.seen === 'fail' ? c.failed : undefined}>
            <td>{r.protocol.toUpperCase()}</td>
            <td className={c.nowrap}>{portLabel(r)}</td>
            <td className={c.mono}>{destinationLabel(r.destination)}</td>
            <td className={c.id}>{r.requirements.join(', ')}</td>
            {props.showSeen && <td className={c.nowrap}>{SEEN_LABEL[r.seen]}</td>}
            <td className={c.note}>{r.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** One line per failed check: host, kind, where it was seen (survey text), the probe's advice. */
export function FailureList(props: { readonly rules: readonly AllowRule[]; readonly className: string }) {
  return (
    <ul className={props.className} aria-label="What failed">
      {props.rules.flatMap((rule) =>
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
  )
}
