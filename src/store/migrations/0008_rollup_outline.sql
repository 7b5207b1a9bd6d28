-- 0008: what a region's roll-up reads of its bodies without reading their rows (store/rollup-outline.ts). The names
-- of a region's bodies (the contributors are listed in zh collation order, which only the process has) from the
-- index alone, and the few bodies that declare 口径 including subordinates (the 口径 checks, and the reports the
-- roll-up leaves out as counted in their parent's) without scanning the others. An index-only scan needs the table's
-- visibility map, which PostgreSQL's autovacuum keeps; bodies change rarely.
-- PostgreSQL 15 SQL only.
CREATE INDEX bodies_region_names ON bodies (region_code text_pattern_ops) INCLUDE (id, name);
CREATE INDEX bodies_including ON bodies (region_code text_pattern_ops) WHERE scope = 'including-subordinates';
