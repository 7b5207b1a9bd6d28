-- 0005: what filing status (催报) and a roll-up's plan read of a region's reports for a year — who, status, template
-- and the workflow's dates — from an index alone. A report's row is ~1.9 KB (reports.vals holds its ~230 values), so
-- reading these few columns from the table touched 5,000 pages for a province's 20,000 reports of a year; the index
-- holds them in ~100 (EXPLAIN ANALYZE at 100k reports on PostgreSQL 15: 460 → 60 ms under load; an index-only
-- scan once the table is vacuumed, which PostgreSQL's autovacuum does after inserts).
-- PostgreSQL 15 SQL only.
CREATE INDEX reports_year_body_meta ON reports (year, body_id)
  INCLUDE (id, status, template, submitted_at, accepted_at, published_at);
