-- 0006: the roll-up's sums kept by the write path. A province's roll-up summed ~9,300 reports' reports.vals per
-- request (~200 ms at 100k reports); region_sums holds them summed per (body's region code, year, template,
-- published or not), so a region's sums read tens of rows. Who counts stays the roll-up's plan
-- (src/analysis/rollup.ts planRollup, over the reports' metadata): the store adds up the groups of the region and
-- takes away the few reports the plan leaves out (counted in their parent's report), store/region-sums.ts.
-- Kept by triggers in the transaction of every write: reports inserted, updated (values, body, year, status,
-- template) or deleted — statement-level, so an import's multi-row INSERT updates each group once — and a body
-- moved to another region. Numbering the one-row （六）其他处理 key after reports were summed changes what they
-- contribute to it: the sums are rebuilt then (this migration numbers the keys of today's templates, so only a
-- template with a new column would).
-- Per element of the arrays (indexed as reports.vals, by cell_keys.idx): the sum of the numbers, how many reports
-- have a number there, and how many have the cell at all (a number or a printed blank), so a region tells a cell
-- every report printed blank (no number, present) from one no report has (absent). At the index of each one-row
-- （六）其他处理 key a report contributes what the roll-up sums there (rollup-sums.ts valueOf): its own row, else the
-- sum of its three items (blank when one is blank, absent when all are).
-- Cost (PostgreSQL 15, 100k reports, a 2-core machine at load ~15): the back-fill below ~47 s; a 5,000-row INSERT
-- ~1.7–2.2 s more with the triggers than without (0.6–1.5 s) — the write path pays what the reads no longer do.
-- PostgreSQL 15 SQL only (PGlite runs the same).

CREATE TABLE region_sums (
  region_code text NOT NULL,
  year integer NOT NULL,
  version text NOT NULL,
  published boolean NOT NULL,
  n integer NOT NULL,
  single integer NOT NULL, -- reports printing （六）其他处理 as one row (rollup.ts singleOther)
  sums float8[] NOT NULL,
  nums float8[] NOT NULL,
  present float8[] NOT NULL,
  PRIMARY KEY (region_code, year, version, published)
);
CREATE INDEX region_sums_region ON region_sums (region_code text_pattern_ops, year);

-- Where the one-row （六）其他处理 keys and their items are in reports.vals: the index of each one-row key, and for each
-- `stride` indexes of its items (0 where fewer). Read once per statement (cell_keys grows; a per-report lookup cost
-- ~1 ms a report).
CREATE FUNCTION gk_other_map(OUT owns integer[], OUT items integer[], OUT stride integer) LANGUAGE sql STABLE AS $$
  WITH o AS (
    SELECT k.idx AS own, coalesce(array_agg(i.idx ORDER BY i.idx) FILTER (WHERE i.idx IS NOT NULL), '{}') AS its
    FROM cell_keys k LEFT JOIN cell_keys i ON split_part(i.key, '/', 1) = 'applications'
      AND split_part(i.key, '/', 2) LIKE 'outcome.other.%' AND split_part(i.key, '/', 3) = split_part(k.key, '/', 3)
    WHERE k.key LIKE 'applications/outcome.other/%' GROUP BY k.idx
  ), s AS (SELECT coalesce(max(cardinality(its)), 0) AS stride FROM o)
  SELECT (SELECT coalesce(array_agg(own ORDER BY own), '{}') FROM o),
    (SELECT coalesce(array_agg(coalesce(o.its[j], 0) ORDER BY o.own, j), '{}')
      FROM o, s, generate_series(1, s.stride) j),
    (SELECT stride FROM s)
$$;

-- A report's values as a roll-up sums them: reports.vals with each one-row （六）其他处理 element its own value, else
-- the sum of its items (NaN, a printed blank, when one is blank; NULL when the report has none of them).
CREATE FUNCTION gk_rollup_vector(v float8[], owns integer[], items integer[], stride integer) RETURNS float8[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  s float8;
  x float8;
  seen boolean;
BEGIN
  FOR k IN 1 .. coalesce(array_length(owns, 1), 0) LOOP
    CONTINUE WHEN v[owns[k]] IS NOT NULL;
    s := 0;
    seen := false;
    FOR j IN (k - 1) * stride + 1 .. k * stride LOOP
      x := v[items[j]];
      IF x IS NOT NULL THEN
        seen := true;
        s := s + x;
      END IF;
    END LOOP;
    IF seen THEN v[owns[k]] := s; END IF;
  END LOOP;
  RETURN v;
END $$;

-- Whether a report prints （六）其他处理 as one row: a 2019-template report always does.
CREATE FUNCTION gk_single_other(version text, v float8[], owns integer[]) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT version = '2019' OR EXISTS (SELECT 1 FROM unnest(owns) o WHERE v[o] IS NOT NULL)
$$;

-- Element-wise a + b (the shorter padded with zeros).
CREATE FUNCTION gk_add(a float8[], b float8[]) RETURNS float8[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i), '{}')
  FROM unnest(a, b) WITH ORDINALITY u (x, y, i)
$$;

-- The statement that adds (sign 1) or takes away (sign -1) the reports a query yields — columns region_code, year,
-- status, template, vals — to or from their groups. Run by the trigger functions themselves: a trigger's transition
-- table is visible to the statements it executes, not to a function it calls.
CREATE FUNCTION gk_region_sums_sql(src text, sign integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    WITH m AS MATERIALIZED (SELECT * FROM gk_other_map()), r AS (
      SELECT s.region_code AS rc, s.year AS y,
        coalesce(s.template, CASE WHEN s.year <= 2020 THEN '2019' ELSE '2021' END) AS v,
        s.status = 'published' AS pub, gk_rollup_vector(s.vals, m.owns, m.items, m.stride) AS x,
        gk_single_other(coalesce(s.template, CASE WHEN s.year <= 2020 THEN '2019' ELSE '2021' END), s.vals,
          m.owns) AS one
      FROM %1$s s, m WHERE s.year IS NOT NULL AND s.region_code IS NOT NULL
    ), d AS (
      -- the element-wise sums hash ~250 rows a report: on (one integer, index) rather than the group's four columns
      -- (1.5 → 1.0 s per 5,000 reports in one noisy measurement)
      SELECT r.*, dense_rank() OVER (ORDER BY rc, y, v, pub) AS gid FROM r
    ), g AS (
      SELECT gid, rc, y, v, pub, count(*) AS n, count(*) FILTER (WHERE one) AS single FROM d GROUP BY 1, 2, 3, 4, 5
    ), e AS (
      SELECT gid, i, sum(CASE WHEN u.x IS NULL OR u.x = 'NaN' THEN 0 ELSE u.x END) AS s,
        count(*) FILTER (WHERE u.x IS NOT NULL AND u.x <> 'NaN') AS nn, count(u.x) AS np
      FROM d, unnest(d.x) WITH ORDINALITY u (x, i) GROUP BY 1, 2
    ), a AS (
      SELECT gid, array_agg(%2$s * s ORDER BY i) AS s, array_agg(%2$s * nn::float8 ORDER BY i) AS nn,
        array_agg(%2$s * np::float8 ORDER BY i) AS np FROM e GROUP BY 1
    )
    INSERT INTO region_sums AS t (region_code, year, version, published, n, single, sums, nums, present)
    SELECT g.rc, g.y, g.v, g.pub, %2$s * g.n, %2$s * g.single, coalesce(a.s, '{}'), coalesce(a.nn, '{}'),
      coalesce(a.np, '{}')
    FROM g LEFT JOIN a USING (gid)
    -- groups locked in one order, so two writers touching the same groups wait rather than deadlock
    ORDER BY g.rc, g.y, g.v, g.pub
    ON CONFLICT (region_code, year, version, published) DO UPDATE SET n = t.n + excluded.n,
      single = t.single + excluded.single, sums = gk_add(t.sums, excluded.sums), nums = gk_add(t.nums, excluded.nums),
      present = gk_add(t.present, excluded.present)
  $q$, src, sign)
$$;

-- The reports of a transition table (or reports) with their body's region code.
CREATE FUNCTION gk_region_src(rel text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format('(SELECT b.region_code, r.year, r.status, r.template, r.vals
    FROM %s r JOIN bodies b ON b.id = r.body_id)', rel)
$$;

-- An UPDATE's rows whose summed columns changed (a change of errors or flags leaves the sums alone), as they were
-- (side 'o', taken away) or as they are (side 'n', added), with their body's region code.
CREATE FUNCTION gk_changed_src(side text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT gk_region_src(format('(SELECT %s.* FROM old_rows o JOIN new_rows n USING (id)
    WHERE (o.body_id, o.year, o.status, o.template, o.vals)
      IS DISTINCT FROM (n.body_id, n.year, n.status, n.template, n.vals))', side))
$$;

-- The statement that adds (sign 1) or takes away (sign -1) the reports a query yields to or from a kept table's
-- groups. `kept` names the table; the statement is made by the function gk_<kept>_sql(src, sign) (this
-- migration's region_sums, 0007's region_indicator_sums).
CREATE FUNCTION gk_kept_sql(kept text, src text, sign integer) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
  q text;
BEGIN
  EXECUTE format('SELECT gk_%s_sql($1, $2)', kept) INTO q USING src, sign;
  RETURN q;
END $$;

-- The same, run, for a query without transition tables (a body moved, the rebuild); emptied groups are removed.
CREATE FUNCTION gk_kept_apply(kept text, src text, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE gk_kept_sql(kept, src, sign);
  EXECUTE format('DELETE FROM %I WHERE n = 0', kept);
END $$;

-- Statement-level trigger on reports, for the kept table named by its argument: an INSERT adds the new rows, a
-- DELETE takes the old away, an UPDATE moves only the rows whose summed columns changed. The statements run here,
-- not in a called function: the transition tables are visible only in the trigger function itself.
CREATE FUNCTION gk_kept_reports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE gk_kept_sql(TG_ARGV[0], gk_region_src('new_rows'), 1);
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE gk_kept_sql(TG_ARGV[0], gk_region_src('old_rows'), -1);
  ELSE
    EXECUTE gk_kept_sql(TG_ARGV[0], gk_changed_src('o'), -1);
    EXECUTE gk_kept_sql(TG_ARGV[0], gk_changed_src('n'), 1);
  END IF;
  EXECUTE format('DELETE FROM %I WHERE n = 0', TG_ARGV[0]);
  RETURN NULL;
END $$;

-- Row trigger on bodies: a body moved to another region takes its reports along in the kept table.
CREATE FUNCTION gk_kept_body() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM gk_kept_apply(TG_ARGV[0], format('(SELECT %L::text AS region_code, r.year, r.status, r.template, r.vals
    FROM reports r WHERE r.body_id = %s)', OLD.region_code, OLD.id), -1);
  PERFORM gk_kept_apply(TG_ARGV[0], format('(SELECT %L::text AS region_code, r.year, r.status, r.template, r.vals
    FROM reports r WHERE r.body_id = %s)', NEW.region_code, NEW.id), 1);
  RETURN NULL;
END $$;

CREATE TRIGGER reports_region_sums_insert AFTER INSERT ON reports REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gk_kept_reports('region_sums');
CREATE TRIGGER reports_region_sums_update AFTER UPDATE ON reports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gk_kept_reports('region_sums');
CREATE TRIGGER reports_region_sums_delete AFTER DELETE ON reports REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gk_kept_reports('region_sums');
CREATE TRIGGER bodies_region_sums AFTER UPDATE OF region_code ON bodies FOR EACH ROW
  WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION gk_kept_body('region_sums');

-- Every group summed again from the reports.
CREATE FUNCTION gk_region_sums_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM region_sums;
  PERFORM gk_kept_apply('region_sums', gk_region_src('reports'), 1);
END $$;

-- A one-row （六）其他处理 key numbered after reports were summed: their contributions there change.
CREATE FUNCTION gk_region_sums_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows WHERE key LIKE 'applications/outcome.other/%') THEN
    PERFORM gk_region_sums_rebuild();
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER cell_keys_region_sums AFTER INSERT ON cell_keys REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gk_region_sums_keys();

-- The one-row （六）其他处理 keys numbered now, whether or not a report has printed them yet (a database of 2021
-- reports that all print its three items would otherwise have no element to keep their one-row sums in).
INSERT INTO cell_keys (idx, key)
SELECT (SELECT coalesce(max(idx), 0) FROM cell_keys) + row_number() OVER (ORDER BY c.n),
  'applications/outcome.other/' || c.col
FROM unnest(ARRAY['naturalPerson', 'commercialEnterprise', 'researchInstitution', 'publicWelfareOrg', 'legalServiceOrg',
  'otherOrg', 'total']) WITH ORDINALITY c (col, n)
WHERE NOT EXISTS (SELECT 1 FROM cell_keys k WHERE k.key = 'applications/outcome.other/' || c.col);

SELECT gk_region_sums_rebuild();
