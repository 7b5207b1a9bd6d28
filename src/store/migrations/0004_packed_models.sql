-- 0004: a version's model stored compactly (src/store/model-codec.ts). The Report's fields stay plain jsonb (SQL
-- reads model -> 'sections'); its cells, ~95 % of a model as ten-field objects with their provenance, become
-- tuples [key, value, raw, how, source, rest?], `rest` holding a cell's other fields (unit, reason, and
-- table/row/column when they are not the key's three parts). The application writes the tuples' JSON text
-- DEFLATE-compressed, as a base64 string; SQL has no DEFLATE, so the rows stored before this migration get the
-- tuples as a plain JSON array (~2.5× smaller than before), which the application reads as well. The order of the
-- cells is kept (jsonb's own order of the object's keys, the order these rows were read in before).
-- PostgreSQL 15 SQL only.
UPDATE report_versions v SET model = jsonb_set(v.model, '{cells}', coalesce((
  SELECT jsonb_agg(CASE WHEN c.rest = '{}'::jsonb
      THEN jsonb_build_array(c.key, c.cell -> 'value', c.cell -> 'raw', c.cell -> 'how', c.cell -> 'source')
      ELSE jsonb_build_array(c.key, c.cell -> 'value', c.cell -> 'raw', c.cell -> 'how', c.cell -> 'source', c.rest)
    END ORDER BY c.n)
  FROM (
    SELECT e.key, e.cell, e.n,
      e.cell - ARRAY['key', 'value', 'raw', 'how', 'source']
        - CASE WHEN (e.cell ->> 'table') || '/' || (e.cell ->> 'row') || '/' || (e.cell ->> 'column') = e.key
                 AND array_length(string_to_array(e.key, '/'), 1) = 3
               THEN ARRAY['table', 'row', 'column'] ELSE ARRAY[]::text[] END AS rest
    FROM jsonb_each(v.model -> 'cells') WITH ORDINALITY AS e (key, cell, n)
  ) c), '[]'::jsonb))
WHERE jsonb_typeof(v.model -> 'cells') = 'object';
