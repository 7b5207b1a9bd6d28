-- 0009: each report's indicator parts kept by the write path. A province's one-year indicators (~10,000 reports)
-- computed every report's numerators and denominators from reports.vals per request: the read alone took
-- 130–190 ms under load at 100k reports, before any row was ranked. report_indicators holds per report (with a year)
-- what the indicators read (src/analysis/indicators.ts indicatorParts): per indicator, in INDICATORS order, the
-- numerator and the denominator as 8-byte floats (float8send: big-endian; NaN where unknown), with the body's
-- region, the year, whether published and the label (the body's name, else the agency read), so a region's year is
-- one index range of narrow rows (store/report-indicators.ts).
-- The parts come from gk_indicator_report_parts(version, vals), written by the store from the indicators'
-- definitions and the cell keys' numbers on open, as 0007's gk_indicator_parts (store/region-indicator-sums.ts
-- writeIndicatorParts), which rebuilds this table when it changed. Here it is a placeholder yielding NULL, and
-- nothing is kept until the store has written it.
-- Kept by triggers in the transaction of every write: reports inserted, updated (values, body, year, status,
-- template, agency) or deleted, statement-level as 0006's; a body renamed or moved to another region.
-- PostgreSQL 15 SQL only (PGlite runs the same).

CREATE TABLE report_indicators (
  report_id integer PRIMARY KEY,
  body_id integer,
  region_code text, -- the body's (NULL: a report without a body)
  year integer NOT NULL,
  published boolean NOT NULL,
  label text NOT NULL,
  parts bytea NOT NULL
);
CREATE INDEX report_indicators_year ON report_indicators (year, region_code text_pattern_ops);

CREATE FUNCTION gk_indicator_report_parts(version text, v float8[]) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
  SELECT NULL::bytea
$$;

-- The statement that puts the reports a query yields (columns of reports) into report_indicators, or updates them.
CREATE FUNCTION gk_report_indicators_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO report_indicators AS t (report_id, body_id, region_code, year, published, label, parts)
    SELECT r.id, r.body_id, b.region_code, r.year, r.status = 'published', coalesce(b.name, r.agency, ''),
      gk_indicator_report_parts(coalesce(r.template, CASE WHEN r.year <= 2020 THEN '2019' ELSE '2021' END), r.vals)
    FROM %1$s r LEFT JOIN bodies b ON b.id = r.body_id
    WHERE r.year IS NOT NULL AND gk_indicator_report_parts('2021', '{}') IS NOT NULL
    ON CONFLICT (report_id) DO UPDATE SET body_id = excluded.body_id, region_code = excluded.region_code,
      year = excluded.year, published = excluded.published, label = excluded.label, parts = excluded.parts
  $q$, src)
$$;

-- An UPDATE's rows whose kept columns changed (a change of errors, flags or the version alone leaves them).
CREATE FUNCTION gk_report_indicators_changed(side text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format('(SELECT %s.* FROM old_rows o JOIN new_rows n USING (id)
    WHERE (o.body_id, o.year, o.status, o.template, o.vals, o.agency)
      IS DISTINCT FROM (n.body_id, n.year, n.status, n.template, n.vals, n.agency))', side)
$$;

-- Statement-level trigger on reports. The statements run here: transition tables are visible only in the trigger
-- function itself (see 0006).
CREATE FUNCTION gk_report_indicators_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE gk_report_indicators_sql('new_rows');
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM report_indicators t USING old_rows o WHERE t.report_id = o.id;
  ELSE
    -- changed rows out, then back as they are now (a year set to NULL stays out)
    EXECUTE format('DELETE FROM report_indicators t USING %s c WHERE t.report_id = c.id',
      gk_report_indicators_changed('o'));
    EXECUTE gk_report_indicators_sql(gk_report_indicators_changed('n'));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER reports_indicators_insert AFTER INSERT ON reports REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gk_report_indicators_keep();
CREATE TRIGGER reports_indicators_update AFTER UPDATE ON reports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gk_report_indicators_keep();
CREATE TRIGGER reports_indicators_delete AFTER DELETE ON reports REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gk_report_indicators_keep();

-- A body renamed or moved: its reports' label and region (found through reports' (body_id, year) index).
CREATE FUNCTION gk_report_indicators_body() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_indicators t SET region_code = NEW.region_code, label = NEW.name
  FROM reports r WHERE r.body_id = NEW.id AND t.report_id = r.id;
  RETURN NULL;
END $$;

CREATE TRIGGER bodies_report_indicators AFTER UPDATE OF name, region_code ON bodies FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.region_code IS DISTINCT FROM NEW.region_code)
  EXECUTE FUNCTION gk_report_indicators_body();

-- Every report's parts again (the store runs it after writing a new parts function).
CREATE FUNCTION gk_report_indicators_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_indicators;
  EXECUTE gk_report_indicators_sql('reports');
END $$;
