/** Report requests (placeholder: the report issue fills this in). */
import type { Handlers } from '../../shared/contract'
import type { ServiceDeps } from '../service-deps'

type ReportRequests = 'report:exportPdf' | 'report:exportEvidence'

export function createReportHandlers(_deps: ServiceDeps): { handlers: Pick<Handlers, ReportRequests> } {
  return {
    handlers: {
      'report:exportPdf': async () => ({ ok: false, reason: 'failed', message: 'PDF export is not available yet.' }),
      'report:exportEvidence': async () => ({ ok: false, reason: 'failed', message: 'Evidence export is not available yet.' })
    }
  }
}
