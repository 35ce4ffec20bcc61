-- Run by infra/ferretdb-pg/start.sh in the database `ferretdb` (idempotent).
--
-- FerretDB 1.24's PostgreSQL handler looks every `{ _id: … }` filter up as
-- `_jsonb->'_id' @> $2`, an operator its own unique btree index on `(_jsonb->'_id')` cannot
-- serve: every find, update and delete by `_id` scans the whole table (40 ms for a find and
-- 130 ms for an update at 40,000 documents, measured in bench/README.md). A GIN index on the
-- same expression serves `@>` (5-10 ms). FerretDB does not know about it — listIndexes does not
-- show it — and PostgreSQL drops it with the table, so this event trigger adds one to every
-- table FerretDB creates for a collection (the ones with its `_jsonb` column).
SET client_min_messages = warning;

CREATE OR REPLACE FUNCTION relapse_watch_id_gin_index() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  created record;
BEGIN
  FOR created IN
    SELECT c.objid::regclass AS tbl, rel.relname AS name
    FROM pg_event_trigger_ddl_commands() c
    JOIN pg_class rel ON rel.oid = c.objid
    WHERE c.object_type = 'table' AND c.command_tag = 'CREATE TABLE'
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.objid AND a.attname = '_jsonb' AND NOT a.attisdropped)
  LOOP
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s USING gin ((_jsonb->''_id'') jsonb_path_ops)',
                   left(created.name, 50) || '_id_gin', created.tbl);
  END LOOP;
END
$$;

DROP EVENT TRIGGER IF EXISTS relapse_watch_id_gin_index;
CREATE EVENT TRIGGER relapse_watch_id_gin_index ON ddl_command_end WHEN TAG IN ('CREATE TABLE')
  EXECUTE FUNCTION relapse_watch_id_gin_index();

-- The tables created before the trigger existed.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT rel.oid::regclass AS tbl, rel.relname AS name
    FROM pg_class rel JOIN pg_namespace n ON n.oid = rel.relnamespace
    WHERE rel.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'public')
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = rel.oid AND a.attname = '_jsonb' AND NOT a.attisdropped)
  LOOP
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s USING gin ((_jsonb->''_id'') jsonb_path_ops)',
                   left(t.name, 50) || '_id_gin', t.tbl);
  END LOOP;
END
$$;
