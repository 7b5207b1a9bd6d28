// Narrative figures: numbers the prose states (applications received, reconsiderations, items published …),
// as typed figures with source positions, for the prose-vs-table checks.
import type { NarrativeFigure, Section } from '../model/report.js';
import type { Row } from './tokens.js';

export function findNarrative(_rows: Row[], _sections: Section[]): NarrativeFigure[] {
  return [];
}
