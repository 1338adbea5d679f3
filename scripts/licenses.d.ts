/** Types for scripts/licenses.js (plain JS so it runs with plain `node`). */
export interface RuntimePackage {
  readonly name: string
  readonly version: string
  readonly licence: string
  readonly licenceFile: boolean
  readonly optional: boolean
}
export declare const LICENSES_DOC: string
export declare const ALLOWED: ReadonlySet<string>
export declare function isAllowed(expression: string): boolean
export declare function runtimePackages(): RuntimePackage[]
export declare function renderMarkdown(rows: readonly RuntimePackage[]): string
