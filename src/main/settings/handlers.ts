/**
 * Company setting requests (issue 16 item 7a): `company:get`, `company:save` and
 * `company:checkLogo` (a picked file's bytes, checked and stripped; nothing saved until
 * `company:save`). See company-store.ts and company-logo.ts.
 */
import type { Handlers } from '../../shared/contract'
import { base64ToBytes } from '../../shared/map/plan-image'
import { companyLogoRefusal } from '../../shared/model/company'
import { checkCompanyLogo } from './company-logo'
import { companyFile, readCompany, saveCompany } from './company-store'

export function createCompanyHandlers(dataDir: string): { handlers: Pick<Handlers, 'company:get' | 'company:save' | 'company:checkLogo'> } {
  return {
    handlers: {
      'company:get': () => readCompany(dataDir),
      'company:save': async (company) => {
        const saved = await saveCompany(dataDir, company)
        return saved.ok ? { ok: true, path: companyFile(dataDir) } : { ok: false, reason: 'not-saved', message: saved.reason }
      },
      'company:checkLogo': async ({ fileName, data }) => {
        const bytes = base64ToBytes(data)
        if (bytes === null) return { ok: false, reason: 'damaged', message: companyLogoRefusal(fileName, 'its data did not arrive whole (not base64)') }
        return checkCompanyLogo(fileName, bytes)
      }
    }
  }
}
