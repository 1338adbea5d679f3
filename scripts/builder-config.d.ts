/** Types for scripts/builder-config.js (plain JS so `npm run dist` runs without a TypeScript loader). */
export declare const BUILDER_CONFIG: string
export declare const REQUIRED_FUSES: Readonly<Record<string, boolean>>
export declare const MAC_LOCATION_KEYS: readonly string[]
/** A parsed electron-builder configuration (shape checked by validateBuilderConfig, not by TypeScript). */
export type BuilderConfig = Record<string, unknown>
export declare function loadBuilderConfig(path?: string): BuilderConfig
export declare function validateBuilderConfig(config: unknown): { ok: boolean; errors: string[] }
export declare function isPackaged(files: unknown, path: string): boolean
export declare function securityProblems(config: BuilderConfig): string[]
