// The property names of the model types, as values checked by the compiler against src/model/report.ts. The
// render tests compare them with report.schema.json so the schema cannot drift from the types unnoticed.
import type { Cell, Diagnostic, NarrativeFigure, Report, Section, SourceRef, YearStatement } from '../model/report.js';

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** Every key of T, marked 'required' or 'optional' exactly as in T. */
type KeySpec<T> = { [K in keyof T]-?: K extends RequiredKeys<T> ? 'required' : 'optional' };

export const MODEL_KEYS = {
  Report: {
    file: 'required', format: 'required', encoding: 'required', title: 'required', agency: 'required',
    year: 'required', template: 'required', layoutEvidence: 'required', sections: 'required', tables: 'required',
    cells: 'required', narrative: 'required', diagnostics: 'required', truncated: 'required',
    yearFrom: 'optional', agencyFrom: 'optional', agencyCandidates: 'optional', yearStatements: 'optional',
  } satisfies KeySpec<Report>,
  YearStatement: {
    year: 'required', from: 'required', figures: 'required', text: 'required', source: 'required',
  } satisfies KeySpec<YearStatement>,
  SourceRef: {
    line: 'required', column: 'required', offset: 'optional', page: 'optional', bbox: 'optional',
  } satisfies KeySpec<SourceRef>,
  Cell: {
    key: 'required', table: 'required', row: 'required', column: 'required', value: 'required', raw: 'required',
    unit: 'optional', source: 'required', how: 'required', reason: 'optional',
  } satisfies KeySpec<Cell>,
  Section: {
    no: 'required', key: 'required', title: 'required', text: 'required', source: 'required',
  } satisfies KeySpec<Section>,
  NarrativeFigure: {
    key: 'required', value: 'required', unit: 'optional', text: 'required', source: 'required',
  } satisfies KeySpec<NarrativeFigure>,
  Diagnostic: {
    code: 'required', severity: 'required', message: 'required', messageEn: 'required', source: 'optional',
    cells: 'optional',
  } satisfies KeySpec<Diagnostic>,
} as const;
