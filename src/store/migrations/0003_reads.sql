-- 0003: the read paths at 100k reports (lists, the report page, roll-up, indicators, filing status).
-- PostgreSQL 15 SQL only.

-- A body's reports over all years (an editor's list, indicators over a span of years): the unique (body_id, year)
-- index is partial (year IS NOT NULL), so a filter on body_id alone cannot use it.
CREATE INDEX reports_body ON reports (body_id);

-- The newest reports of one status first: the public list (published, by last change) reads 20 rows, not all.
CREATE INDEX reports_status_updated ON reports (status, updated_at DESC, id DESC);

-- reports.vals now tells a printed blank (NaN) from a cell the report does not have (NULL), so the cell values of a
-- report (roll-up, indicators) are read from it alone, without the version's JSON model. Rows stored before this
-- migration had NULL for both: they get NaN where their current model has a blank cell.
WITH blank AS (
  SELECT r.id, array_agg(k.idx) AS idx
  FROM reports r
  JOIN report_versions v ON v.report_id = r.id AND v.version = r.version
  CROSS JOIN LATERAL jsonb_each(v.model -> 'cells') AS c (key, cell)
  JOIN cell_keys k ON k.key = c.key
  WHERE jsonb_typeof(c.cell -> 'value') = 'null'
  GROUP BY r.id
)
UPDATE reports r SET vals = (
  SELECT array_agg(CASE WHEN i = ANY (blank.idx) THEN 'NaN'::float8 ELSE r.vals[i] END ORDER BY i)
  FROM generate_series(1, greatest(coalesce(array_length(r.vals, 1), 0), (SELECT max(x) FROM unnest(blank.idx) x))) i
)
FROM blank WHERE blank.id = r.id;
