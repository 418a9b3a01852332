-- Ärendevakt on PostgreSQL, schema version 1. Applied once, under an advisory lock, by the first
-- instance that starts (src/store/pg-migrate.ts); the version is recorded in av_schema_migrations.

-- The one row every commit updates first: its row lock serialises commits across instances, so
-- commit seq and audit seq are gap-free and in commit order, and the hash chain has one head.
CREATE TABLE av_head (
  id        int PRIMARY KEY CHECK (id = 1),
  seq       bigint NOT NULL,
  audit_seq bigint NOT NULL,
  last_hash text   NOT NULL
);
INSERT INTO av_head (id, seq, audit_seq, last_hash) VALUES (1, 0, 0, '');

CREATE TABLE av_cases (
  id        text PRIMARY KEY,
  version   int    NOT NULL,
  phase     text   NOT NULL,
  child_ref text   NOT NULL,
  data      jsonb  NOT NULL,
  seq       bigint NOT NULL
);
CREATE INDEX av_cases_open ON av_cases (id) WHERE phase <> 'closed';

CREATE TABLE av_docs (
  collection text   NOT NULL,
  id         text   NOT NULL,
  value      jsonb  NOT NULL,
  seq        bigint NOT NULL,
  PRIMARY KEY (collection, id)
);

-- The audit hash chain. `entry` is the entry's JSON exactly as hashed (text, not jsonb: jsonb
-- would reorder and normalise it).
CREATE TABLE av_audit (
  seq       bigint PRIMARY KEY,
  case_id   text,
  prev_hash text NOT NULL,
  hash      text NOT NULL,
  entry     text NOT NULL
);
CREATE INDEX av_audit_case ON av_audit (case_id, seq) WHERE case_id IS NOT NULL;

-- Which keys each commit wrote (never their content): how an instance catches up with the
-- commits of the others. Old rows are pruned; an instance further behind reloads everything.
CREATE TABLE av_commit_log (
  seq   bigint PRIMARY KEY,
  at    timestamptz NOT NULL DEFAULT now(),
  cases text[] NOT NULL,
  docs  text[] NOT NULL
);

-- One commit after the head row was taken: version checks as conditional writes, then the audit
-- entries (hashed by the caller against the head it read under the lock), then the log row.
-- Returns {"ok":true} or the first conflict; the caller rolls back on a conflict.
CREATE FUNCTION av_commit(tx jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  s bigint := (tx->>'seq')::bigint;
  w jsonb;
  n int;
  cur int;
  exists_now boolean;
BEGIN
  FOR w IN SELECT * FROM jsonb_array_elements(tx->'cases') LOOP
    IF jsonb_typeof(w->'expected') = 'null' THEN
      INSERT INTO av_cases (id, version, phase, child_ref, data, seq)
      VALUES (w->>'id', (w->>'version')::int, w->'data'->>'phase', w->'data'->>'childRef', w->'data', s)
      ON CONFLICT (id) DO NOTHING;
    ELSE
      UPDATE av_cases SET version = (w->>'version')::int, phase = w->'data'->>'phase',
        child_ref = w->'data'->>'childRef', data = w->'data', seq = s
      WHERE id = w->>'id' AND version = (w->>'expected')::int;
    END IF;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n = 0 THEN
      SELECT version INTO cur FROM av_cases WHERE id = w->>'id';
      RETURN jsonb_build_object('ok', false, 'kind', 'case', 'id', w->>'id', 'currentVersion', cur);
    END IF;
  END LOOP;

  FOR w IN SELECT * FROM jsonb_array_elements(tx->'docs') LOOP
    IF w ? 'expected' THEN
      SELECT COALESCE((value->>'version')::int, 0) INTO cur FROM av_docs WHERE collection = w->>'c' AND id = w->>'id' FOR UPDATE;
      exists_now := FOUND;
      IF (jsonb_typeof(w->'expected') = 'null' AND exists_now)
         OR (jsonb_typeof(w->'expected') <> 'null' AND (NOT exists_now OR cur <> (w->>'expected')::int)) THEN
        RETURN jsonb_build_object('ok', false, 'kind', 'doc', 'collection', w->>'c', 'id', w->>'id',
          'currentVersion', CASE WHEN exists_now THEN to_jsonb(cur) ELSE 'null'::jsonb END);
      END IF;
    END IF;
    IF jsonb_typeof(w->'value') = 'null' THEN
      DELETE FROM av_docs WHERE collection = w->>'c' AND id = w->>'id';
    ELSE
      INSERT INTO av_docs (collection, id, value, seq) VALUES (w->>'c', w->>'id', w->'value', s)
      ON CONFLICT (collection, id) DO UPDATE SET value = EXCLUDED.value, seq = EXCLUDED.seq;
    END IF;
  END LOOP;

  IF jsonb_array_length(tx->'audit') > 0 THEN
    INSERT INTO av_audit (seq, case_id, prev_hash, hash, entry)
    SELECT a.seq, a.case_id, a.prev_hash, a.hash, a.entry
    FROM jsonb_to_recordset(tx->'audit') AS a(seq bigint, case_id text, prev_hash text, hash text, entry text);
    UPDATE av_head SET audit_seq = (tx->>'auditSeq')::bigint, last_hash = tx->>'lastHash' WHERE id = 1;
  END IF;

  INSERT INTO av_commit_log (seq, cases, docs)
  VALUES (s,
    ARRAY(SELECT x->>'id' FROM jsonb_array_elements(tx->'cases') x),
    ARRAY(SELECT (x->>'c') || E'\x1f' || (x->>'id') FROM jsonb_array_elements(tx->'docs') x));
  PERFORM pg_notify('arendevakt_commit', s::text);
  RETURN '{"ok":true}'::jsonb;
END $$;
