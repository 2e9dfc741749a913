// Importing a user's own actor analysis (spreadsheet CSV) as a scenario. Browser-safe: no Node APIs.
export { importActorAnalysis, type ActorAnalysisInput } from './actorAnalysis.ts';
export {
  ACTOR_COLUMNS, TIE_COLUMNS, columnsHelp, DEFAULT_AFFECTEDNESS, DEFAULT_KNOWLEDGE, DEFAULT_STAKE, DEFAULT_TRUST, MAX_ASPECTS,
  type ColumnSpec,
} from './columns.ts';
export { parseDecimal, slug } from './cells.ts';
export { readTable, detectSeparator, type Table, type TableRow } from './table.ts';
export { SECTOR_PALETTE, sectorColour } from './palette.ts';
export { scenarioJsonText } from './format.ts';
export { decodeText } from './decode.ts';
