-- Schema version 2: a commit in one statement, one round trip (src/store/pgCommit.ts). The caller
-- hashes its audit entries against the head it last saw; av_commit_next takes the head row's lock,
-- and if the head moved (another instance committed entries since) refuses with the head as it is,
-- so the caller hashes again and retries. A version conflict is raised too: the statement, and so
-- the whole transaction, rolls back. av_commit (001) stays for the redaction path and for an
-- instance of the previous release during a rolling upgrade; both take the head row first.

-- av_commit's body with the commit seq as a parameter; av_commit(tx) calls it with tx's seq.
CREATE FUNCTION av_commit_at(tx json, s bigint) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  w json;
  n int;
  cur int;
  exists_now boolean;
BEGIN
  FOR w IN SELECT * FROM json_array_elements(tx->'cases') LOOP
    IF json_typeof(w->'expected') = 'null' THEN
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

  FOR w IN SELECT * FROM json_array_elements(tx->'docs') LOOP
    IF w->'expected' IS NOT NULL THEN
      SELECT COALESCE((value->>'version')::int, 0) INTO cur FROM av_docs WHERE collection = w->>'c' AND id = w->>'id' FOR UPDATE;
      exists_now := FOUND;
      IF (json_typeof(w->'expected') = 'null' AND exists_now)
         OR (json_typeof(w->'expected') <> 'null' AND (NOT exists_now OR cur <> (w->>'expected')::int)) THEN
        RETURN jsonb_build_object('ok', false, 'kind', 'doc', 'collection', w->>'c', 'id', w->>'id',
          'currentVersion', CASE WHEN exists_now THEN to_jsonb(cur) ELSE 'null'::jsonb END);
      END IF;
    END IF;
    IF json_typeof(w->'value') = 'null' THEN
      DELETE FROM av_docs WHERE collection = w->>'c' AND id = w->>'id';
    ELSE
      INSERT INTO av_docs (collection, id, value, seq) VALUES (w->>'c', w->>'id', w->'value', s)
      ON CONFLICT (collection, id) DO UPDATE SET value = EXCLUDED.value, seq = EXCLUDED.seq;
    END IF;
  END LOOP;

  IF json_array_length(tx->'audit') > 0 THEN
    INSERT INTO av_audit (seq, case_id, prev_hash, hash, entry)
    SELECT a.seq, a.case_id, a.prev_hash, a.hash, a.entry
    FROM json_to_recordset(tx->'audit') AS a(seq bigint, case_id text, prev_hash text, hash text, entry text);
    UPDATE av_head SET audit_seq = (tx->>'auditSeq')::bigint, last_hash = tx->>'lastHash' WHERE id = 1;
  END IF;

  INSERT INTO av_commit_log (seq, cases, docs)
  VALUES (s,
    ARRAY(SELECT x->>'id' FROM json_array_elements(tx->'cases') x),
    ARRAY(SELECT (x->>'c') || E'\x1f' || (x->>'id') FROM json_array_elements(tx->'docs') x));
  PERFORM pg_notify('arendevakt_commit', s::text);
  RETURN '{"ok":true}'::jsonb;
END $$;

CREATE OR REPLACE FUNCTION av_commit(tx json) RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
  RETURN av_commit_at(tx, (tx->>'seq')::bigint);
END $$;

-- The whole commit: the head row (lock, next seq), the check that the entries were hashed against
-- this head, av_commit_at. Refusals are raised, so nothing of the commit stays: SQLSTATE AVH01 (the
-- head moved; DETAIL: the head as JSON) or AVC01 (a version conflict; DETAIL: av_commit_at's answer).
CREATE FUNCTION av_commit_next(tx json, audit_seq_seen bigint, last_hash_seen text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  s bigint;
  a bigint;
  h text;
  r jsonb;
BEGIN
  UPDATE av_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, audit_seq, last_hash INTO s, a, h;
  IF json_array_length(tx->'audit') > 0 AND (a <> audit_seq_seen OR h <> last_hash_seen) THEN
    RAISE EXCEPTION 'av_head moved' USING ERRCODE = 'AVH01',
      DETAIL = json_build_object('auditSeq', a, 'lastHash', h)::text;
  END IF;
  r := av_commit_at(tx, s);
  IF NOT (r->>'ok')::boolean THEN
    RAISE EXCEPTION 'version conflict' USING ERRCODE = 'AVC01', DETAIL = r::text;
  END IF;
  RETURN s;
END $$;
