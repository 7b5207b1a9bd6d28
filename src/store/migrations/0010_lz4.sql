-- 0010: the large values the import writes — source files, versions' models, reports' value vectors — compressed
-- with lz4 rather than PostgreSQL's default pglz. On PostgreSQL 15 pglz was a third of the server's CPU in an import
-- (bench/import.mjs, 10,000 generated reports: server 6.0 → 4.0 CPU s; pg_stat_statements: the source files'
-- INSERTs 2.2 s → out of the top five, the versions' 2.0 → 0.8 s) for files ~10–20 % larger on disk. PGlite
-- compresses with lz4 already (its default_toast_compression); this makes it explicit there too. Values stored
-- before stay as they were (both methods are read). A server built without lz4 keeps pglz: the change is skipped
-- with a notice rather than failing the migration.
-- PostgreSQL 15 SQL only (PGlite runs the same).
DO $$
BEGIN
  ALTER TABLE source_files ALTER COLUMN bytes SET COMPRESSION lz4;
  ALTER TABLE report_versions ALTER COLUMN model SET COMPRESSION lz4;
  ALTER TABLE reports ALTER COLUMN vals SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'gongkai: lz4 is not available on this server; large values stay compressed with pglz';
END $$;
