/**
 * The chargers' SSID field wherever it is set (site details, New survey): the combobox fed with
 * the newest scan there is — the live scan, the survey's newest measurement, or a scan taken from
 * here — or, with none, a "Scan for networks" button.
 */
import { useMemo, type ReactNode } from 'react'
import type { Survey } from '../../../shared/model/survey'
import { useScanState } from '../state/scan-store'
import { latestScan, newestMeasurementScan, selectNetworkChoices, type ScanSource } from './network-choices'
import { networkScanStore, scanForNetworks } from './network-scan-store'
import { SsidCombobox } from './ssid-combobox'
import './network-picker.css'

export interface TargetNetworkFieldProps {
  readonly value: string
  readonly onChange: (ssid: string) => void
  /** The survey whose measurements may be offered (null while creating one). */
  readonly survey: Survey | null
  readonly disabled?: boolean
  readonly hint?: ReactNode
  readonly className?: string
}

/** The "Target network (SSID)" field. */
export function TargetNetworkField(props: TargetNetworkFieldProps) {
  const live = useScanState()
  const own = networkScanStore.use()
  const liveScan = useMemo<ScanSource | null>(
    () => (live.lastSampleAt === null ? null : { observations: [...live.networks.values()].map((e) => e.observation), at: live.lastSampleAt, label: 'the live scan' }),
    [live.networks, live.lastSampleAt]
  )
  const measured = useMemo(() => newestMeasurementScan(props.survey), [props.survey])
  const scan = latestScan([liveScan, measured, own.scan])
  const choices = useMemo(() => (scan === null ? null : selectNetworkChoices(scan.observations)), [scan])
  return (
    <SsidCombobox
      label="Target network (SSID)"
      value={props.value}
      onChange={props.onChange}
      disabled={props.disabled}
      limit="targetSsid"
      hint={props.hint}
      className={props.className}
      choices={choices}
      sourceLabel={scan?.label ?? ''}
      noScan={
        props.disabled ? (
          'No scan yet: the networks seen appear here after a scan.'
        ) : (
          <>
            <span>No scan yet to choose from. </span>
            <button type="button" className="btn btn-small" aria-disabled={own.busy} onClick={() => void scanForNetworks()}>
              {own.busy ? 'Scanning…' : 'Scan for networks'}
            </button>
            {own.error !== null ? (
              <span className="inline-warning" role="alert">
                {' '}
                {own.error}
              </span>
            ) : null}
          </>
        )
      }
    />
  )
}
