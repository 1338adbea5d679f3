/**
 * Report requests: the PDF report (with the surveying company from main's settings, and the IT
 * handout files beside it on request), the SITE-PHONE
 * evidence image (see export-report.ts), and one IT handout file (handout-files.ts).
 */
import type { Handlers } from '../../shared/contract'
import type { ServiceDeps } from '../service-deps'
import { readCompany } from '../settings/company-store'
import { exportsDir } from '../survey/data-dir'
import { exportEvidence, exportPdf, type ExportContext } from './export-report'
import { saveFindingsCsv, saveHandout, withHandoutFiles } from './handout-files'

type ReportRequests = 'report:exportPdf' | 'report:exportEvidence' | 'handout:save' | 'report:saveFindings'

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
      'report:exportPdf': async ({ survey, paper, previous, fileName, handoutFiles, fullAppendix }) => {
        // The company is main's setting, read afresh for each export (never sent by the renderer). A
        // file that cannot be used reads as no company (the Settings page says why): the report is
        // still made, without a company block.
        const { company } = await readCompany(deps.dataDir)
        const outcome = await exportPdf({ survey, paper, previous, fileName, fullAppendix, company }, context)
        return handoutFiles === true ? withHandoutFiles(outcome, survey) : outcome
      },
      'report:exportEvidence': ({ survey, locationId, fileName }) => exportEvidence({ survey, locationId, fileName }, context),
      'handout:save': (options) => saveHandout(options, context),
      'report:saveFindings': (survey) => saveFindingsCsv(survey, context)
    }
  }
}
