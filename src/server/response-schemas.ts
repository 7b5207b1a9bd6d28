// TypeBox schemas of what the API answers, mirroring the shapes of src/model (api.ts, analysis.ts, report.ts).
// fastify serialises each answer by them (fast-json-stringify writes the declared properties only) and publishes
// them in the OpenAPI document. Nullable scalars and string enums are written as one JSON Schema `type` list (not
// anyOf) so the serialiser needs no validation pass to pick a branch.
//
// The shapes are declared twice — the model's TypeScript types and these schemas — and kept from drifting by the
// compiler: the checks at the bottom (schema-check.ts) require each schema's static type to be *identical* to the
// model's type — every property, optional exactly where the model's is, of the same type — so no property the
// model declares can be dropped on the way out (an optional one included), and a nullable field can never be
// written as "" or 0. Why not one declaration: the model's types would then have to be derived from TypeBox values
// (Static<typeof …>) inside src/model, which is dependency-free and imported by the browser, and be rewritten at
// once across the ~25 shapes; the identity check gives the same guarantee (a drift fails `tsc`, hence the build
// and `npm run typecheck`) while each side stays written in its own idiom. test/schema-check.types.ts shows the
// drifts it refuses.
import { Type, type Static, type TSchema } from 'typebox';
import { mirrors, type Mirrors } from './schema-check.js';
import type {
  AuditEntry, Body, ImportJob, Page, Region, ReportDetail, ReportSummary, ReportVersionInfo, SessionInfo,
  StoredFinding, Task, User, VersionDiff,
} from '../model/api.js';
import type {
  Comparison, FilingStatus, IndicatorId, IndicatorTable, Ranking, Rollup, RollupDrill, ScoringRule, SimilarPair,
} from '../model/analysis.js';
import type { MessageData, MessageId } from '../model/messages.js';
import type { Cell, Finding, NarrativeFigure, RuleId, Section } from '../model/report.js';

// ---------------------------------------------------------------- building blocks

type Scalar = 'string' | 'number' | 'boolean';
const SCALAR = { string: Type.String(), number: Type.Number(), boolean: Type.Boolean() };
type ScalarOf<K extends Scalar> = Static<(typeof SCALAR)[K]>;

/** A scalar or null, as one `type` list. */
const OrNull = <K extends Scalar>(k: K, options: object = {}) =>
  Type.Unsafe<ScalarOf<K> | null>({ type: [k, 'null'], ...options });
const Str = Type.String();
const Num = Type.Number();
const Bool = Type.Boolean();
/** A string enum with its type stated (the serialiser writes it as a string). */
const StrEnum = <const V extends readonly string[]>(values: V) =>
  Type.Unsafe<V[number]>({ type: 'string', enum: values });
const StrEnumOrNull = <const V extends readonly string[]>(values: V) =>
  Type.Unsafe<V[number] | null>({ type: ['string', 'null'], enum: [...values, null] });
/** A string whose values the model types by a union too long to be worth restating here (rule and message ids). */
const Named = <T extends string>(description: string) => Type.Unsafe<T>({ type: 'string', description });
/** A property the model declares as present but possibly undefined: omitted from the JSON when it is, so the
 * object holding it must not list it as required (see Absent). */
const MaybeNumber = Type.Unsafe<number | null | undefined>({ type: ['number', 'null'] });
/** The object with these keys not required in JSON (their value may be undefined), its static type unchanged. */
const Absent = <T extends TSchema>(t: T, keys: string[]) => {
  const { required = [] } = t as { required?: string[] };
  return Type.Unsafe<Static<T>>({ ...t, required: required.filter((k) => !keys.includes(k)) });
};
/** An object or null, as one `type` list too (an anyOf would make the serialiser validate to pick a branch). */
const OrNullObject = <T extends TSchema>(t: T) => Type.Unsafe<Static<T> | null>({ ...t, type: ['object', 'null'] });
export const PageOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Num });

const STATUSES = ['pending', 'draft', 'submitted', 'returned', 'accepted', 'published'] as const;
const LEVELS = ['province', 'city', 'county', 'town', 'street', 'department', 'committee', 'other'] as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;
const TEMPLATES = ['2019', '2021'] as const;
const ACTIONS = ['edit', 'submit', 'return', 'accept', 'publish', 'assign'] as const;
const DEDUCTIONS = ['late-filing', 'late-publication', 'missing-section', 'missing-table', 'strict-error',
  'similarity', 'returned-not-fixed', 'not-filed'] as const;
const INDICATORS = ['applications', 'applicationsPerBody', 'disclosureRate', 'denialShare', 'unableShare',
  'notProcessedShare', 'reviewCorrectionRate', 'litigationCorrectionRate', 'carriedForward', 'handled',
  'carriedOver'] as const satisfies readonly IndicatorId[];
const Status = StrEnum(STATUSES);
const StatusOrMissing = StrEnum([...STATUSES, 'missing']);

// ---------------------------------------------------------------- the engine's report parts

export const SourceRefOut = Type.Object({
  line: Num, column: Num, offset: Type.Optional(Num), page: Type.Optional(Num),
  bbox: Type.Optional(Type.Tuple([Num, Num, Num, Num])),
});
const Bilingual = Type.Object({ zh: Str, en: Str });

export const CellOut = Type.Object({
  key: Str, table: Str, row: Str, column: Str, value: OrNull('number'), raw: Str, unit: Type.Optional(Str),
  source: SourceRefOut, how: StrEnum(['direct', 'inferred', 'ordered']), reason: Type.Optional(Bilingual),
});

export const SectionOut = Type.Object({
  no: Num, key: Str, title: OrNull('string'), text: Str, source: OrNullObject(SourceRefOut),
});

export const NarrativeOut = Type.Object({
  key: Str, value: Num, unit: Type.Optional(Str), text: Str, source: SourceRefOut,
});

const FindingFields = {
  ruleId: Named<RuleId>('the rule (a module of src/rules)'),
  severity: StrEnum(SEVERITIES),
  messageId: Named<MessageId>('the message catalogue entry (src/model/messages.ts)'),
  data: Type.Unsafe<MessageData>({ type: 'object', additionalProperties: true, description: 'the message data' }),
  message: Str,
  messageEn: Str,
  cells: Type.Array(Type.Object({ key: Str, value: OrNull('number') })),
  expected: Type.Optional(Num),
  source: Type.Optional(SourceRefOut),
};
export const FindingOut = Type.Object(FindingFields);

// ---------------------------------------------------------------- people, regions, bodies

export const UserOut = Type.Object({
  id: Num, username: Str, displayName: Str, role: StrEnum(['admin', 'supervisor', 'editor']),
  bodyId: OrNull('number'), regionCode: OrNull('string'),
});
export const SessionOut = Type.Object({ user: OrNullObject(UserOut), csrfToken: Str });

export const RegionOut = Type.Object({
  code: Str, name: Str, level: StrEnum(['province', 'city', 'county', 'town']), parentCode: OrNull('string'),
});

export const BodyOut = Type.Object({
  id: Num, name: Str, aliases: Type.Array(Str), agencyKey: Str, level: StrEnum(LEVELS), regionCode: Str,
  parentId: OrNull('number'), dueDate: Str, ownDueDate: OrNull('string'),
  scope: StrEnum(['own', 'including-subordinates']),
});

// ---------------------------------------------------------------- reports

export const StoredFindingOut = Type.Object({
  ...FindingFields,
  id: Num, status: StrEnum(['open', 'confirmed', 'dismissed', 'closed']), decisionReason: OrNull('string'),
  decidedBy: OrNull('string'), decidedAt: OrNull('string'),
});

const SummaryFields = {
  id: Num, bodyId: OrNull('number'), bodyName: OrNull('string'), bodyLevel: StrEnumOrNull(LEVELS),
  regionCode: OrNull('string'), year: OrNull('number'), template: StrEnumOrNull(TEMPLATES), status: Status,
  version: Num, title: OrNull('string'), agency: OrNull('string'),
  counts: Type.Object({ error: Num, warning: Num, info: Num }),
  similar: Bool, submittedAt: OrNull('string'), acceptedAt: OrNull('string'), publishedAt: OrNull('string'),
  returnedAt: Type.Optional(OrNull('string')), resubmittedAt: Type.Optional(OrNull('string')), updatedAt: Str,
};
export const ReportSummaryOut = Type.Object(SummaryFields);

export const ReportDetailOut = Type.Object({
  ...SummaryFields,
  format: Str, encoding: Str, truncated: Bool, publishedUrl: OrNull('string'), returnNote: OrNull('string'),
  yearFrom: OrNull('string'), agencyFrom: OrNull('string'), agencyCandidates: Type.Array(Str),
  tables: Type.Object({ active: Bool, applications: Bool, review: Bool }),
  cells: Type.Record(Type.String(), CellOut),
  sections: Type.Array(SectionOut),
  narrative: Type.Array(NarrativeOut),
  findings: Type.Array(StoredFindingOut),
  source: OrNullObject(Type.Object({ hash: Str, name: Str, size: Num, format: Str })),
  sourceLines: Type.Optional(Type.Unsafe<string[] | null>({ type: ['array', 'null'], items: { type: 'string' } })),
  actions: Type.Array(StrEnum(ACTIONS)),
});

/** The fields of a report's detail that its stored version's model alone gives (report-answer.ts keeps them). */
export const DETAIL_MODEL_KEYS = ['tables', 'cells', 'sections', 'narrative'] as const;

/**
 * ReportDetailOut in three runs, each a schema of its own, that written one after the other are the detail as the
 * serialiser writes it whole: the fields before the model's, the model's, the rest. The serialiser writes the
 * required properties first and the optional ones after (fast-json-stringify), so the runs follow that order.
 */
export const ReportDetailParts = (() => {
  const { properties, required = [] } = ReportDetailOut as unknown as
    { properties: Record<string, unknown>; required?: string[] };
  const keys = Object.keys(properties);
  const written = [...keys.filter((k) => required.includes(k)), ...keys.filter((k) => !required.includes(k))];
  const at = written.indexOf(DETAIL_MODEL_KEYS[0]);
  if (DETAIL_MODEL_KEYS.some((k, i) => written[at + i] !== k)) throw new Error('the model\'s fields are not one run');
  const run = (list: string[]) => ({ type: 'object',
    properties: Object.fromEntries(list.map((k) => [k, properties[k]])),
    required: list.filter((k) => required.includes(k)) });
  return { head: run(written.slice(0, at)), model: run(written.slice(at, at + DETAIL_MODEL_KEYS.length)),
    tail: run(written.slice(at + DETAIL_MODEL_KEYS.length)) };
})();

export const VersionInfoOut = Type.Object({
  version: Num, createdAt: Str, createdBy: OrNull('string'), reason: Str, status: Status,
});

export const VersionDiffOut = Type.Object({
  from: Num, to: Num,
  cells: Type.Array(Absent(Type.Object({ key: Str, from: MaybeNumber, to: MaybeNumber }), ['from', 'to'])),
  sections: Type.Array(Type.Object({ key: Str, from: Str, to: Str })),
});

export const AuditEntryOut = Type.Object({
  id: Num, at: Str, username: OrNull('string'), entity: Str, entityId: Str, action: Str,
  before: Type.Unknown(), after: Type.Unknown(), reason: OrNull('string'),
});

// ---------------------------------------------------------------- imports and tasks

const ItemStatus = ['queued', 'imported', 'unchanged', 'failed', 'pending'] as const;
export const ImportJobOut = Type.Object({
  id: Num, createdAt: Str, createdBy: OrNull('string'), status: StrEnum(['running', 'done', 'failed']),
  total: Num, done: Num,
  counts: Type.Object({ queued: Num, imported: Num, unchanged: Num, failed: Num, pending: Num }),
  items: Type.Array(Type.Object({
    id: Num, name: Str, hash: OrNull('string'), status: StrEnum(ItemStatus), reportId: OrNull('number'),
    error: OrNull('string'),
  })),
});

export const TaskOut = Type.Object({
  kind: StrEnum(['review', 'fix-returned', 'draft', 'due-soon', 'overdue', 'assign']),
  reportId: OrNull('number'), bodyId: OrNull('number'), title: Str, due: OrNull('string'), note: OrNull('string'),
});

// ---------------------------------------------------------------- analysis

const CellDifference = Absent(Type.Object({ key: Str, a: MaybeNumber, b: MaybeNumber }), ['a', 'b']);
const Side = Type.Object({
  reportId: OrNull('number'), label: Str, year: OrNull('number'), findings: Type.Array(FindingOut),
});
const Span = Type.Tuple([Num, Num]);
export const ComparisonOut = Type.Object({
  a: Side, b: Side, cells: Type.Array(CellDifference),
  sections: Type.Array(Type.Object({
    key: Str, rate: Num, passages: Type.Array(Type.Object({ text: Str, a: Span, b: Span })),
  })),
  overallRate: Num,
});

const PairSide = Type.Object({ reportId: Num, label: Str, year: OrNull('number') });
export const SimilarPairOut = Type.Object({
  a: PairSide, b: PairSide, kind: StrEnum(['previous-year', 'peer']), similarity: Num, rate: Num,
  sharedChars: Type.Optional(Num), chars: Type.Optional(Num),
});

export const RollupOut = Type.Object({
  regionCode: OrNull('string'), parentBodyId: OrNull('number'), year: Num, template: StrEnum(TEMPLATES),
  cells: Type.Record(Type.String(), OrNull('number')),
  findings: Type.Array(FindingOut),
  contributors: Type.Array(Type.Object({
    bodyId: Num, bodyName: Str, reportId: OrNull('number'), status: StatusOrMissing,
    included: Type.Optional(Bool), reason: Type.Optional(OrNull('string')),
  }), { description: 'one page of the bodies expected (`limit`, `offset`), in name order; counts.bodies in all' }),
  counts: Type.Object({ bodies: Num, reports: Num, included: Num, missing: Num }, {
    description: 'bodies expected, of them with a report (published only for the public), summed, without a report',
  }),
  byContributor: Type.Record(Type.String(), Type.Array(Type.Tuple([Num, OrNull('number')])), {
    description: 'drill-down: for each cell key asked (`drill`), [bodyId, value] of every summed report that has it',
  }),
  scopeChecks: Type.Array(Type.Object({
    reportId: Num, bodyName: Str, differences: Type.Array(CellDifference), missing: Type.Array(Str),
    summed: Type.Optional(Num), complete: Type.Optional(Bool),
  })),
  offset: Type.Optional(Num), limit: Type.Optional(Num),
});

export const RollupDrillOut = Type.Object({
  year: Num, template: StrEnum(TEMPLATES),
  byContributor: Type.Record(Type.String(), Type.Array(Type.Tuple([Num, OrNull('number')]))),
  bodies: Type.Array(Type.Tuple([Num, Str, Num]), {
    description: 'the bodies listed in byContributor: [bodyId, name, reportId], in contributor order',
  }),
  total: Type.Record(Type.String(), Num, { description: 'per cell key, how many summed reports have the cell' }),
  offset: Num, limit: OrNull('number'), sort: StrEnum(['body', 'value']),
});

const Indicator = StrEnum(INDICATORS);
const IndicatorRow = Type.Object({
  bodyId: OrNull('number'), reportId: Type.Optional(OrNull('number')), reports: Type.Optional(Num), label: Str,
  year: Num,
  values: Type.Array(Type.Object({
    id: Indicator, value: OrNull('number'), numerator: OrNull('number'), denominator: OrNull('number'), hidden: Bool,
  })),
});
export const IndicatorTableOut = Type.Object({
  definitions: Type.Array(Type.Object({
    id: Indicator, name: Str, nameEn: Str, definition: Str, definitionEn: Str, kind: StrEnum(['count', 'rate']),
    numerator: Type.Optional(Type.Array(Str)), denominator: Type.Optional(Type.Array(Str)),
    better: Type.Optional(StrEnumOrNull(['higher', 'lower'])),
  })),
  minCases: Num,
  rows: Type.Array(IndicatorRow),
  trend: Type.Array(IndicatorRow),
  total: Type.Optional(Num), offset: Type.Optional(Num), limit: Type.Optional(Num),
  rankings: Type.Optional(Type.Array(Type.Object({
    id: Indicator, year: Num,
    rows: Type.Array(Type.Object({ rank: Num, bodyId: OrNull('number'), label: Str, value: Num, denominator: Num })),
    hidden: Num, total: Type.Optional(Num),
  }))),
  distributions: Type.Optional(Type.Array(Type.Object({
    id: Indicator, year: Num, bins: Type.Array(Type.Object({ from: Num, to: Num, count: Num })), hidden: Num,
    median: OrNull('number'),
  }))),
});

export const FilingStatusOut = Type.Object({
  regionCode: OrNull('string'), year: Num, asOf: Str,
  summary: Type.Object({
    expected: Num, filed: Num, returned: Num, accepted: Num, published: Num, overdue: Num, missing: Num,
    filedLate: Type.Optional(Num), notFiled: Type.Optional(Num),
  }),
  rows: Type.Array(Type.Object({
    bodyId: Num, bodyName: Str, level: StrEnum(LEVELS), regionCode: Str, dueDate: Str, reportId: OrNull('number'),
    status: StatusOrMissing, submittedAt: OrNull('string'), publishedAt: OrNull('string'), daysOverdue: Num,
    late: Bool, publicationDue: Type.Optional(Str), latePublication: Type.Optional(Bool),
    daysLatePublication: Type.Optional(Num), nominalDueDate: Type.Optional(Str),
  })),
  total: Type.Optional(Num), offset: Type.Optional(Num), limit: Type.Optional(Num),
});

export const ScoringRuleOut = Type.Object({
  kind: StrEnum(DEDUCTIONS), points: Num, cap: OrNull('number'), threshold: OrNull('number'), enabled: Bool,
});

export const FilingSettingsOut = Type.Object({
  dueDates: Type.Object(Object.fromEntries(LEVELS.map((l) => [l, Str])) as Record<(typeof LEVELS)[number], typeof Str>),
  workingDays: Bool, publicationGraceDays: Num,
});

export const RankingOut = Type.Object({
  regionCode: OrNull('string'), year: Num, base: Num, rules: Type.Array(ScoringRuleOut),
  rows: Type.Array(Type.Object({
    rank: Num, bodyId: Num, bodyName: Str, level: StrEnum(LEVELS), reportId: OrNull('number'), score: Num,
    deductions: Type.Array(Type.Object({
      kind: StrEnum(DEDUCTIONS), points: Num, evidence: Str, evidenceEn: Str, reportId: OrNull('number'),
      ruleId: Type.Optional(Str), otherReportId: Type.Optional(OrNull('number')),
    })),
    deducted: Type.Optional(Num),
  })),
});

/** GET /health: the store's kind, 'pglite' or 'postgres' (Store.kind) */
export const HealthOut = Type.Object({ ok: Bool, db: Str });

/** A download: the bytes of a file (its content type names the format); never serialised as JSON. */
export const FileOut = Type.Unsafe<unknown>({ type: 'string', format: 'binary', description: 'the file' });
/** No content (204). */
export const NoContent = Type.Unsafe<unknown>({ type: 'null', description: 'no content' });

// ---------------------------------------------------------------- the compiler checks each mirror (schema-check.ts)

mirrors<Mirrors<typeof CellOut, Cell>>();
mirrors<Mirrors<typeof SectionOut, Section>>();
mirrors<Mirrors<typeof NarrativeOut, NarrativeFigure>>();
mirrors<Mirrors<typeof FindingOut, Finding>>();
mirrors<Mirrors<typeof UserOut, User>>();
mirrors<Mirrors<typeof SessionOut, SessionInfo>>();
mirrors<Mirrors<typeof RegionOut, Region>>();
mirrors<Mirrors<typeof BodyOut, Body>>();
mirrors<Mirrors<ReturnType<typeof PageOf<typeof BodyOut>>, Page<Body>>>();
mirrors<Mirrors<typeof StoredFindingOut, StoredFinding>>();
mirrors<Mirrors<typeof ReportSummaryOut, ReportSummary>>();
mirrors<Mirrors<typeof ReportDetailOut, ReportDetail>>();
mirrors<Mirrors<typeof VersionInfoOut, ReportVersionInfo>>();
mirrors<Mirrors<typeof VersionDiffOut, VersionDiff>>();
mirrors<Mirrors<typeof AuditEntryOut, AuditEntry>>();
mirrors<Mirrors<typeof ImportJobOut, ImportJob>>();
mirrors<Mirrors<typeof TaskOut, Task>>();
mirrors<Mirrors<typeof ComparisonOut, Comparison>>();
mirrors<Mirrors<typeof SimilarPairOut, SimilarPair>>();
mirrors<Mirrors<typeof RollupOut, Rollup>>();
mirrors<Mirrors<typeof RollupDrillOut, RollupDrill>>();
mirrors<Mirrors<typeof IndicatorTableOut, IndicatorTable>>();
mirrors<Mirrors<typeof FilingStatusOut, FilingStatus>>();
mirrors<Mirrors<typeof ScoringRuleOut, ScoringRule>>();
mirrors<Mirrors<typeof RankingOut, Ranking>>();
