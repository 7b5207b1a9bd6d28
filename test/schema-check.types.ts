// A compile-time test of src/server/schema-check.ts, run by `npm run typecheck` (tsc over test/, part of `npm
// test`), not by vitest: each `@ts-expect-error` line is a drift the check must refuse — if the check let it
// through, the directive would be unused and tsc would fail. The drifts are the ones assignability both ways (the
// check before) let through, beside the ones it caught.
import { Type, type Static } from 'typebox';
import type { ReportDetail, ReportSummary } from '../src/model/api.js';
import type { Cell } from '../src/model/report.js';
import { CellOut, ReportDetailOut, ReportSummaryOut } from '../src/server/response-schemas.js';
import { mirrors, type Exact, type Mirrors } from '../src/server/schema-check.js';

const KeyOnly = Type.Object({ key: Type.String() });

// the real mirrors hold
mirrors<Mirrors<typeof CellOut, Cell>>();
mirrors<Mirrors<typeof ReportDetailOut, ReportDetail>>();

// an optional field of the model missing from the schema (returnedAt?, unit?): fastify would drop it from answers
// @ts-expect-error the schema lacks an optional field the model has
mirrors<Mirrors<typeof ReportSummaryOut, ReportSummary & { reopenedAt?: string | null }>>();
// @ts-expect-error the schema lacks Cell's optional unit
mirrors<Exact<Omit<Static<typeof CellOut>, 'unit'>, Cell>>();
// an optional field in the schema that the model does not declare
// @ts-expect-error the schema declares a field the model lacks
mirrors<Mirrors<typeof CellOut, Omit<Cell, 'unit'>>>();
// optional in one, required in the other
// @ts-expect-error unit required in the model
mirrors<Mirrors<typeof CellOut, Omit<Cell, 'unit'> & { unit: string | undefined }>>();
// a required field missing, and a narrower type (both also refused by the old check)
// @ts-expect-error the model's raw is missing from the schema
mirrors<Mirrors<typeof KeyOnly, { key: string; raw: string }>>();
// @ts-expect-error number | null in the model, number in the schema
mirrors<Exact<{ value: number }, { value: number | null }>>();
