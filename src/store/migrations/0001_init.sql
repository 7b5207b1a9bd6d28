-- 0001: the whole first schema. PostgreSQL 15 SQL only (the Debian server is 15; PGlite is newer).
-- Kept in step with src/store/schema.ts (the drizzle description the queries are typed by).

CREATE TABLE regions (
  code text PRIMARY KEY,
  name text NOT NULL,
  level text NOT NULL,
  parent_code text
);
CREATE INDEX regions_parent ON regions (parent_code);

-- every cell key ever stored gets a small stable number: reports.vals[idx] holds its value
CREATE TABLE cell_keys (
  idx integer PRIMARY KEY,
  key text NOT NULL UNIQUE
);

CREATE TABLE bodies (
  id serial PRIMARY KEY,
  name text NOT NULL,
  aliases text[] NOT NULL DEFAULT '{}',
  agency_key text NOT NULL,
  -- agency keys of the name and every alias (matching)
  keys text[] NOT NULL DEFAULT '{}',
  level text NOT NULL,
  region_code text NOT NULL,
  parent_id integer REFERENCES bodies (id),
  due_date text,
  scope text NOT NULL DEFAULT 'own',
  UNIQUE (agency_key, region_code)
);
CREATE INDEX bodies_region ON bodies (region_code text_pattern_ops);
CREATE INDEX bodies_parent ON bodies (parent_id);
CREATE INDEX bodies_keys ON bodies USING gin (keys);

CREATE TABLE source_files (
  hash text PRIMARY KEY,
  name text NOT NULL,
  format text NOT NULL,
  size integer NOT NULL,
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reports (
  id serial PRIMARY KEY,
  body_id integer REFERENCES bodies (id),
  year integer,
  status text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  template text,
  title text,
  agency text,
  errors integer NOT NULL DEFAULT 0,
  warnings integer NOT NULL DEFAULT 0,
  infos integer NOT NULL DEFAULT 0,
  is_similar boolean NOT NULL DEFAULT false,
  source_hash text REFERENCES source_files (hash),
  -- the current version's cell values, vals[cell_keys.idx] (NULL: blank or absent); for SQL-side sums
  vals double precision[] NOT NULL DEFAULT '{}',
  year_from text,
  agency_from text,
  agency_candidates jsonb NOT NULL DEFAULT '[]',
  submitted_at date,
  returned_at date,
  resubmitted_at date,
  accepted_at date,
  published_at date,
  published_url text,
  return_note text,
  -- a 待确认 report's status once a person assigns its body and year (published for an imported published report)
  assign_status text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX reports_body_year ON reports (body_id, year) WHERE body_id IS NOT NULL AND year IS NOT NULL;
CREATE INDEX reports_year_status ON reports (year, status);
CREATE INDEX reports_source ON reports (source_hash);
CREATE INDEX reports_updated ON reports (updated_at);

-- every version of a report in full: the engine's Report (cells with their provenance, sections, narrative)
CREATE TABLE report_versions (
  id serial PRIMARY KEY,
  report_id integer NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text,
  reason text NOT NULL,
  status text NOT NULL,
  source_hash text REFERENCES source_files (hash),
  model jsonb NOT NULL,
  UNIQUE (report_id, version)
);
CREATE INDEX report_versions_source ON report_versions (source_hash);

CREATE TABLE findings (
  id serial PRIMARY KEY,
  report_id integer NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  -- rule + cells + values: what a later check must find again for a decision to carry over
  signature text NOT NULL,
  rule_id text NOT NULL,
  severity text NOT NULL,
  -- the engine's finding as found last (message id and data, messages, cells with values, expected, source)
  finding jsonb NOT NULL,
  -- the reviewer's decision (confirmed / dismissed), kept while the finding is closed and found again
  decision text,
  decision_reason text,
  decided_by text,
  decided_at timestamptz,
  first_version integer NOT NULL,
  last_version integer NOT NULL,
  closed_at timestamptz
);
CREATE INDEX findings_report ON findings (report_id);

CREATE TABLE import_jobs (
  id serial PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text,
  status text NOT NULL DEFAULT 'running',
  total integer NOT NULL DEFAULT 0
);

CREATE TABLE import_items (
  id serial PRIMARY KEY,
  job_id integer NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  name text NOT NULL,
  hash text,
  status text NOT NULL DEFAULT 'queued',
  report_id integer,
  error text,
  UNIQUE (job_id, seq)
);

CREATE TABLE users (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL,
  body_id integer REFERENCES bodies (id),
  region_code text,
  password_hash text NOT NULL
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer,
  username text,
  entity text NOT NULL,
  entity_id text NOT NULL,
  action text NOT NULL,
  before jsonb,
  after jsonb,
  reason text
);
CREATE INDEX audit_entity ON audit (entity, entity_id);
CREATE INDEX audit_user ON audit (user_id);

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
