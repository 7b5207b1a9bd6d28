// The database tables as drizzle sees them (types for the queries). The tables themselves are made by the
// numbered SQL migrations in ./migrations, which this file must match column for column.
import {
  bigserial, boolean, customType, date, doublePrecision, integer, jsonb, pgTable, serial, text, timestamp,
} from 'drizzle-orm/pg-core';
import type { Finding } from '../model/report.js';
import { decodeModel, encodeModel, type StoredModel } from './model-codec.js';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });
/** a version's model: jsonb with its cells packed (model-codec.ts); read back as the Report it was */
const model = customType<{ data: StoredModel; driverData: unknown }>({
  dataType: () => 'jsonb',
  toDriver: encodeModel,
  fromDriver: decodeModel,
});
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  parentCode: text('parent_code'),
});

export const cellKeys = pgTable('cell_keys', {
  idx: integer('idx').primaryKey(),
  key: text('key').notNull().unique(),
});

export const bodies = pgTable('bodies', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  aliases: text('aliases').array().notNull().default([]),
  agencyKey: text('agency_key').notNull(),
  keys: text('keys').array().notNull().default([]),
  level: text('level').notNull(),
  regionCode: text('region_code').notNull(),
  parentId: integer('parent_id'),
  dueDate: text('due_date'),
  scope: text('scope').notNull().default('own'),
});

export const sourceFiles = pgTable('source_files', {
  hash: text('hash').primaryKey(),
  name: text('name').notNull(),
  format: text('format').notNull(),
  size: integer('size').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

export const reports = pgTable('reports', {
  id: serial('id').primaryKey(),
  bodyId: integer('body_id'),
  year: integer('year'),
  status: text('status').notNull(),
  version: integer('version').notNull().default(1),
  template: text('template'),
  title: text('title'),
  agency: text('agency'),
  errors: integer('errors').notNull().default(0),
  warnings: integer('warnings').notNull().default(0),
  infos: integer('infos').notNull().default(0),
  similar: boolean('is_similar').notNull().default(false),
  sourceHash: text('source_hash'),
  vals: doublePrecision('vals').array().$type<(number | null)[]>().notNull().default([]),
  yearFrom: text('year_from'),
  agencyFrom: text('agency_from'),
  agencyCandidates: jsonb('agency_candidates').$type<string[]>().notNull().default([]),
  submittedAt: date('submitted_at', { mode: 'string' }),
  returnedAt: date('returned_at', { mode: 'string' }),
  resubmittedAt: date('resubmitted_at', { mode: 'string' }),
  acceptedAt: date('accepted_at', { mode: 'string' }),
  publishedAt: date('published_at', { mode: 'string' }),
  publishedUrl: text('published_url'),
  returnNote: text('return_note'),
  assignStatus: text('assign_status'),
  createdAt: tstz('created_at').notNull().defaultNow(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

export const reportVersions = pgTable('report_versions', {
  id: serial('id').primaryKey(),
  reportId: integer('report_id').notNull(),
  version: integer('version').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
  createdBy: text('created_by'),
  reason: text('reason').notNull(),
  status: text('status').notNull(),
  sourceHash: text('source_hash'),
  model: model('model').notNull(),
});

export const findings = pgTable('findings', {
  id: serial('id').primaryKey(),
  reportId: integer('report_id').notNull(),
  signature: text('signature').notNull(),
  ruleId: text('rule_id').notNull(),
  severity: text('severity').notNull(),
  finding: jsonb('finding').$type<Finding>().notNull(),
  decision: text('decision'),
  decisionReason: text('decision_reason'),
  decidedBy: text('decided_by'),
  decidedAt: tstz('decided_at'),
  firstVersion: integer('first_version').notNull(),
  lastVersion: integer('last_version').notNull(),
  closedAt: tstz('closed_at'),
});

export const importJobs = pgTable('import_jobs', {
  id: serial('id').primaryKey(),
  createdAt: tstz('created_at').notNull().defaultNow(),
  createdBy: text('created_by'),
  status: text('status').notNull().default('running'),
  total: integer('total').notNull().default(0),
});

export const importItems = pgTable('import_items', {
  id: serial('id').primaryKey(),
  jobId: integer('job_id').notNull(),
  seq: integer('seq').notNull(),
  name: text('name').notNull(),
  hash: text('hash'),
  status: text('status').notNull().default('queued'),
  reportId: integer('report_id'),
  error: text('error'),
});

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  bodyId: integer('body_id'),
  regionCode: text('region_code'),
  passwordHash: text('password_hash').notNull(),
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
  expiresAt: tstz('expires_at').notNull(),
});

export const audit = pgTable('audit', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: tstz('at').notNull().defaultNow(),
  userId: integer('user_id'),
  username: text('username'),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  action: text('action').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
  reason: text('reason'),
});

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});
