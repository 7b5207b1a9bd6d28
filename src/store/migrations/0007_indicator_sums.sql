-- 0007: the indicators' trend sums kept by the write path, as 0006 keeps the roll-up's. A province's five-year
-- indicator trend computed every report's numerators and denominators per request (~50,000 reports: 277 ms on a
-- quiet machine at 100k reports); region_indicator_sums holds them summed per (body's region code, year, published
-- or not), so a region's trend reads tens of rows (store/indicator-sums.ts regionIndicatorSums).
-- Per group: n, the reports; sums, per indicator (INDICATORS order) the sum of the numerators and of the
-- denominators over the reports where both are known, and how many those are — what indicatorYearSums gives.
-- A report's parts come from gk_indicator_parts(version, vals), which depends on the indicators' definitions
-- (src/analysis/indicators.ts) and on the cell keys' numbers: the store writes it from those on open
-- (store/region-indicator-sums.ts writeIndicatorParts) and rebuilds the sums when it changed. Here it is a
-- placeholder that yields nothing, and the table stays empty until the store has written it.
-- Kept by statement-level triggers in the transaction of every write, as region_sums (0006).
-- PostgreSQL 15 SQL only (PGlite runs the same).

CREATE TABLE region_indicator_sums (
  region_code text NOT NULL,
  year integer NOT NULL,
  published boolean NOT NULL,
  n integer NOT NULL,
  sums float8[] NOT NULL,
  PRIMARY KEY (region_code, year, published)
);
CREATE INDEX region_indicator_sums_region ON region_indicator_sums (region_code text_pattern_ops, year);

-- the definition the kept sums were made with (one row, written with the function by the store)
CREATE TABLE indicator_sums_def (def text NOT NULL);

CREATE FUNCTION gk_indicator_parts(version text, v float8[]) RETURNS float8[] LANGUAGE sql IMMUTABLE AS $$
  SELECT NULL::float8[]
$$;

-- The statement that adds (sign 1) or takes away (sign -1) the reports a query yields — columns region_code, year,
-- status, template, vals — to or from their groups (nothing while the parts function is the placeholder).
CREATE FUNCTION gk_region_indicator_sums_sql(src text, sign integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    WITH r AS (
      SELECT s.region_code AS rc, s.year AS y, s.status = 'published' AS pub,
        gk_indicator_parts(coalesce(s.template, CASE WHEN s.year <= 2020 THEN '2019' ELSE '2021' END), s.vals) AS x
      FROM %1$s s WHERE s.year IS NOT NULL AND s.region_code IS NOT NULL
    ), g AS (
      SELECT rc, y, pub, count(*) AS n FROM r WHERE x IS NOT NULL GROUP BY 1, 2, 3
    ), e AS (
      SELECT rc, y, pub, i, sum(u.x) AS s FROM r, unnest(r.x) WITH ORDINALITY u (x, i) GROUP BY 1, 2, 3, 4
    ), a AS (
      SELECT rc, y, pub, array_agg(%2$s * s ORDER BY i) AS s FROM e GROUP BY 1, 2, 3
    )
    INSERT INTO region_indicator_sums AS t (region_code, year, published, n, sums)
    SELECT g.rc, g.y, g.pub, %2$s * g.n, coalesce(a.s, '{}') FROM g LEFT JOIN a USING (rc, y, pub)
    -- groups locked in one order, so two writers touching the same groups wait rather than deadlock
    ORDER BY g.rc, g.y, g.pub
    ON CONFLICT (region_code, year, published) DO UPDATE SET n = t.n + excluded.n, sums = gk_add(t.sums, excluded.sums)
  $q$, src, sign)
$$;

-- Kept by 0006's generic triggers (gk_kept_reports, gk_kept_body) with this table's statement maker.
CREATE TRIGGER reports_indicator_sums_insert AFTER INSERT ON reports REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gk_kept_reports('region_indicator_sums');
CREATE TRIGGER reports_indicator_sums_update AFTER UPDATE ON reports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gk_kept_reports('region_indicator_sums');
CREATE TRIGGER reports_indicator_sums_delete AFTER DELETE ON reports REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gk_kept_reports('region_indicator_sums');
CREATE TRIGGER bodies_indicator_sums AFTER UPDATE OF region_code ON bodies FOR EACH ROW
  WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION gk_kept_body('region_indicator_sums');

-- Every group summed again from the reports (the store runs it after writing a new parts function).
CREATE FUNCTION gk_indicator_sums_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM region_indicator_sums;
  PERFORM gk_kept_apply('region_indicator_sums', gk_region_src('reports'), 1);
END $$;
