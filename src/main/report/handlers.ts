/** Report requests: the PDF report and the SITE-PHONE evidence image (see export-report.ts). */
import { join } from 'node:path'
import type { Handlers } from '../../shared/contract'
import type { ServiceDeps } from '../service-deps'
import { exportEvidence, exportPdf, type ExportContext } from './export-report'

type ReportRequests = 'report:exportPdf' | 'report:exportEvidence'

export function createReportHandlers(deps: ServiceDeps): { handlers: Pick<Handlers, ReportRequests> } {
  const context: ExportContext = {
    rendererDir: deps.rendererDir,
    env: deps.env,
    platform: deps.platform,
    defaultFolder: join(deps.dataDir, 'reports'),
    desktop: deps.desktop,
    progress: (p) => deps.emit('report:progress', p)
  }
  return {
    handlers: {
      'report:exportPdf': (options) => exportPdf(options, context),
      'report:exportEvidence': (options) => exportEvidence(options, context)
    }
  }
}
