/** Report requests: the PDF report and the SITE-PHONE evidence image (see export-report.ts). */
import type { Handlers } from '../../shared/contract'
import type { ServiceDeps } from '../service-deps'
import { exportsDir } from '../survey/data-dir'
import { exportEvidence, exportPdf, type ExportContext } from './export-report'

type ReportRequests = 'report:exportPdf' | 'report:exportEvidence'

export function createReportHandlers(deps: ServiceDeps): { handlers: Pick<Handlers, ReportRequests> } {
  const context: ExportContext = {
    rendererDir: deps.rendererDir,
    env: deps.env,
    platform: deps.platform,
    // Electron asks with its save dialog; browser mode writes only into the exports folder.
    exportsFolder: deps.desktop === null ? exportsDir(deps.dataDir) : null,
    desktop: deps.desktop,
    progress: (p) => deps.emit('report:progress', p)
  }
  return {
    handlers: {
      // The renderer's options carry no path (the contract has no such field): destinations are main's.
      'report:exportPdf': ({ survey, paper, previous, fileName }) => exportPdf({ survey, paper, previous, fileName }, context),
      'report:exportEvidence': ({ survey, locationId, fileName }) => exportEvidence({ survey, locationId, fileName }, context)
    }
  }
}
