/**
 * The compliance engine's public face: judge every requirement at a location, and give verdicts.
 *
 * Pure functions over the shared model (no I/O): the renderer, main, the CLI and the report all
 * call the same code, with the profile passed in (judge.ts).
 */
export { PROFILE, PROFILE_ID, PROFILE_VERSION, requirementById } from './profile'
export type { Requirement, RequirementProfile, RequirementSeverity, RequirementSource, RequiredDomain, ProfileParameters, SignalParameters } from './profile'
export { locationVerdict, combineLocationVerdicts } from './verdict'
export { groupBss, type Bss } from './bss'
export { hostMatches } from './connectivity-rules'
export {
  evidenceFor,
  judgeChargerReading,
  judgedRequirements,
  judgeLocation,
  judgeMeasurement,
  judgeStored,
  judgeSurvey,
  latestMeasurement,
  latestWatch,
  networkProbeFor,
  phoneProbeFor,
  type JudgedMeasurement,
  type LocationJudgement,
  type MeasurementEvidence,
  type NetworkProbe,
  type SurveyJudgement
} from './judge'
