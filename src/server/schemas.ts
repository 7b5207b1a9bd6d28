// TypeBox schemas of what the API receives (bodies, query strings, path parameters), checked by fastify before
// a handler runs and published in the OpenAPI document (what it answers: response-schemas.ts). The shapes mirror
// src/model/api.ts exactly; the identity checks at the bottom (schema-check.ts) make the compiler say so when they
// drift.
import { Type, type Static } from 'typebox';
import { mirrors, type Exact, type Mirrors } from './schema-check.js';
import { MONTH_DAY_PATTERN, type FilingSettingsRequest } from '../model/analysis.js';
import type {
  AssignRequest, CellCorrection, DecisionRequest, DraftContent, NewReportRequest, PublishRequest, ReturnRequest,
} from '../model/api.js';
import { OUTPUT_FORMATS } from '../render/index.js';
import { INDICATORS } from '../analysis/indicators.js';

const Year = Type.Integer({ minimum: 1990, maximum: 2100 });
const RegionCode = Type.String({ pattern: '^[0-9]{6}([0-9]{3})?$' });
const Limit = Type.Integer({ minimum: 1, maximum: 500, default: 50 });
const Offset = Type.Integer({ minimum: 0, default: 0 });
const Template = Type.Union([Type.Literal('2019'), Type.Literal('2021')]);
const ReportStatus = Type.Enum(['pending', 'draft', 'submitted', 'returned', 'accepted', 'published']);
const Role = Type.Union([Type.Literal('admin'), Type.Literal('supervisor'), Type.Literal('editor')]);
const LEVEL_KEYS = ['province', 'city', 'county', 'town', 'street', 'department', 'committee', 'other'] as const;
const BodyLevel = Type.Enum([...LEVEL_KEYS]);
const CellValue = Type.Union([Type.Number(), Type.Null()]);
/** A due date's MM-DD that exists every year (02-30 and 02-29 refused: model/analysis.ts MONTH_DAY_PATTERN). */
const MonthDay = Type.String({ pattern: MONTH_DAY_PATTERN });

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String() }),
}, { description: 'every error: { error: { code, message } }' });

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});

export const RegionsQuery = Type.Object({ parent: Type.Optional(RegionCode) });

export const BodiesQuery = Type.Object({
  region: Type.Optional(RegionCode),
  parent: Type.Optional(Type.Integer({ minimum: 1 })),
  level: Type.Optional(BodyLevel),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Limit),
  offset: Type.Optional(Offset),
});

const BodyFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  aliases: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 }),
  level: BodyLevel,
  regionCode: RegionCode,
  parentId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  scope: Type.Union([Type.Literal('own'), Type.Literal('including-subordinates')]),
};
/** the body's own due date; null (or absent, on creation) when it follows its level's setting */
const OwnDueDate = Type.Union([MonthDay, Type.Null()]);
export const NewBody = Type.Object({ ...BodyFields, dueDate: Type.Optional(OwnDueDate) },
  { additionalProperties: false });
export const BodyPatch = Type.Partial(Type.Object({ ...BodyFields, dueDate: OwnDueDate },
  { additionalProperties: false }));

export const ReportsQuery = Type.Object({
  limit: Type.Optional(Limit),
  offset: Type.Optional(Offset),
  year: Type.Optional(Year),
  region: Type.Optional(RegionCode),
  body: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(ReportStatus),
  level: Type.Optional(BodyLevel),
  template: Type.Optional(Template),
  hasErrors: Type.Optional(Type.Boolean()),
  similar: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  sort: Type.Optional(Type.Enum(['updated', 'year', 'body', 'errors', 'status'])),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
});

export const NewReport = Type.Object({ bodyId: Type.Integer({ minimum: 1 }), year: Year, template: Template });

export const Draft = Type.Object({
  sections: Type.Array(Type.Object({ key: Type.String({ maxLength: 40 }), text: Type.String({ maxLength: 200_000 }) }),
    { maxItems: 20 }),
  cells: Type.Record(Type.String({ maxLength: 80 }), CellValue),
});

export const CellChanges = Type.Object({
  changes: Type.Array(Type.Object({
    key: Type.String({ minLength: 1, maxLength: 80 }),
    value: CellValue,
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  }), { minItems: 1, maxItems: 1000 }),
});

export const Return = Type.Object({
  note: Type.String({ minLength: 1, maxLength: 5000 }),
  findingIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 1000 }),
});

export const Publish = Type.Object({
  url: Type.String({ pattern: '^https?://', maxLength: 2000 }),
  date: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
});

export const Assign = Type.Object({ bodyId: Type.Integer({ minimum: 1 }), year: Year });

export const Decision = Type.Object({
  decision: Type.Union([Type.Literal('confirmed'), Type.Literal('dismissed')]),
  reason: Type.String({ minLength: 1, maxLength: 2000 }),
});

export const DiffQuery = Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) });

export const RenderParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  format: Type.Enum(OUTPUT_FORMATS), // the engine's renderer registry: a new renderer is served as it is added
});

export const PageQuery = Type.Object({ limit: Type.Optional(Limit), offset: Type.Optional(Offset) });

export const ImportUrls = Type.Object({
  urls: Type.Array(Type.String({ pattern: '^https?://', maxLength: 2000 }), { minItems: 1, maxItems: 1000 }),
  year: Type.Optional(Year),
  region: Type.Optional(RegionCode),
});

export const CompareQuery = Type.Object({ a: Type.Integer({ minimum: 1 }), b: Type.Integer({ minimum: 1 }) });
export const RegionYearQuery = Type.Object({ region: Type.Optional(RegionCode), year: Year });
/** The filing list: every body (no `limit`: the dashboard, exports), or one page filtered and sorted. */
export const FilingQuery = Type.Object({
  // no default limit: without one the answer holds every body
  region: Type.Optional(RegionCode), year: Year, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  chase: Type.Optional(Type.Boolean({ description: 'only the bodies to chase: missing, returned or late' })),
  sort: Type.Optional(Type.Enum(['overdue', 'name', 'due'])), order: Type.Optional(Type.Enum(['asc', 'desc'])),
});
export const SimilarityQuery = Type.Object({
  region: Type.Optional(RegionCode), year: Year, threshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
});
/** Cell keys, comma-separated (`applications/newReceived/total,…`): the cells of a roll-up to drill into. */
const CellKeys = Type.String({ pattern: '^[A-Za-z0-9_./-]+(,[A-Za-z0-9_./-]+)*$', maxLength: 4000,
  description: 'cell keys, comma-separated (at most 50)' });
export const RollupQuery = Type.Object({
  region: Type.Optional(RegionCode), parent: Type.Optional(Type.Integer({ minimum: 1 })), year: Year,
  drill: Type.Optional(CellKeys),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'contributors listed (default 50)' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, description: 'the first contributor listed (default 0)' })),
});
export const RollupDrillQuery = Type.Object({
  region: Type.Optional(RegionCode), parent: Type.Optional(Type.Integer({ minimum: 1 })), year: Year, keys: CellKeys,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: 'none: every contributor' })),
  offset: Type.Optional(Offset),
  sort: Type.Optional(Type.Union([Type.Literal('body'), Type.Literal('value')], {
    description: "'body' (default): the roll-up's contributor order (by name); 'value': the largest first, blanks last",
  })),
});
export const IndicatorsQuery = Type.Object({
  region: Type.Optional(RegionCode), year: Type.Optional(Year), from: Type.Optional(Year), to: Type.Optional(Year),
  view: Type.Optional(Type.Union([Type.Literal('table'), Type.Literal('trend')], {
    description: "'table' (default): a page of the rows (a row per report), totals per year, rankings and "
      + "distributions of the latest year; 'trend': the totals per year only (rows, rankings and distributions "
      + 'empty), from the sums the database keeps',
  })),
  limit: Type.Optional(Limit), offset: Type.Optional(Offset),
  sort: Type.Optional(Type.Enum(['label', ...INDICATORS.map((d) => d.id)], {
    description: "'label' (default): by year, then name; an indicator: by its value (ties: the larger denominator "
      + 'first), rows without a value (unknown, or a rate over too few cases) last',
  })),
  order: Type.Optional(Type.Enum(['asc', 'desc'])),
  top: Type.Optional(Type.Integer({ minimum: 0, maximum: 500, default: 10,
    description: 'the first rows of each ranking given (`total` says how many are ranked)' })),
});
export const ExportQuery = Type.Object({ region: Type.Optional(RegionCode), year: Type.Optional(Year) });

export const NewUser = Type.Object({
  username: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }),
  displayName: Type.String({ minLength: 1, maxLength: 100 }),
  role: Role,
  bodyId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  regionCode: Type.Union([RegionCode, Type.Null()]),
  password: Type.String({ minLength: 8, maxLength: 200 }),
}, { additionalProperties: false });
export const UserPatch = Type.Partial(Type.Object({
  displayName: Type.String({ minLength: 1, maxLength: 100 }),
  role: Role,
  bodyId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  regionCode: Type.Union([RegionCode, Type.Null()]),
  password: Type.String({ minLength: 8, maxLength: 200 }),
}, { additionalProperties: false }));

export const ScoringRules = Type.Array(Type.Object({
  kind: Type.Enum(['late-filing', 'late-publication', 'missing-section', 'missing-table', 'strict-error',
    'similarity', 'returned-not-fixed', 'not-filed']),
  points: Type.Number({ minimum: 0, maximum: 100 }),
  cap: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
  threshold: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
  enabled: Type.Boolean(),
}), { maxItems: 50 });

export const FilingSettingsBody = Type.Object({
  dueDates: Type.Object(Object.fromEntries(LEVEL_KEYS.map((l) => [l, Type.Optional(MonthDay)])) as
    Record<(typeof LEVEL_KEYS)[number], ReturnType<typeof Type.Optional<typeof MonthDay>>>,
  { additionalProperties: false }),
  workingDays: Type.Boolean(),
  publicationGraceDays: Type.Integer({ minimum: 0, maximum: 90 }),
}, { additionalProperties: false });

export const AuditQuery = Type.Object({
  user: Type.Optional(Type.Integer({ minimum: 1 })),
  entity: Type.Optional(Type.String({ maxLength: 40 })),
  limit: Type.Optional(Limit),
  offset: Type.Optional(Offset),
});

// The compiler checks that each request schema accepts exactly the model's request shape (schema-check.ts).
mirrors<Mirrors<typeof NewReport, NewReportRequest>>();
mirrors<Mirrors<typeof Draft, DraftContent>>();
mirrors<Exact<Static<typeof CellChanges>['changes'][number], CellCorrection>>();
mirrors<Mirrors<typeof Return, ReturnRequest>>();
mirrors<Mirrors<typeof Publish, PublishRequest>>();
mirrors<Mirrors<typeof Assign, AssignRequest>>();
mirrors<Mirrors<typeof Decision, DecisionRequest>>();
mirrors<Mirrors<typeof FilingSettingsBody, FilingSettingsRequest>>();
