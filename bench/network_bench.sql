-- SPDX-License-Identifier: MIT
-- bench/network_bench.sh: a coordinator's database from gen_db (70,000 notes, 584 bijeenkomsten)
-- made into 20 networks of about 29 bijeenkomsten at six host schools each, three next steps per
-- bijeenkomst, two of them followed up at the next bijeenkomst of the network.
BEGIN;
WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 19)
INSERT INTO network(id, name, created_at, updated_at)
  SELECT printf('bench-net%02d', i), printf('Leernetwerk %02d', i), '2019-08-01T08:00:00.000Z',
  '2019-08-01T08:00:00.000Z' FROM k;
UPDATE session SET network_id = printf('bench-net%02d', (rowid - 1) % 20),
  host_school = printf('School %d van netwerk %02d', ((rowid - 1) / 20) % 6, (rowid - 1) % 20);
WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 2)
INSERT INTO next_step(id, session_id, text, actor, horizon, position, created_at, updated_at)
  SELECT s.id || '-stap' || j, s.id, 'Leraren vragen eerst wat een leerling al heeft geprobeerd, stap ' || j,
  CASE j WHEN 0 THEN 'leraren' WHEN 1 THEN 'schoolleiding' ELSE 'team' END, 'maand', j,
  s.created_at, s.created_at FROM session s, k;
UPDATE next_step SET follow_up_session_id = (SELECT n.id FROM session s JOIN session n
  ON n.network_id = s.network_id AND n.date > s.date WHERE s.id = next_step.session_id
  ORDER BY n.date LIMIT 1), follow_up_status = CASE position WHEN 0 THEN 'gedaan' ELSE 'bezig' END,
  follow_up_text = 'Besproken bij de volgende bijeenkomst.', follow_up_at = updated_at
  WHERE position < 2;
UPDATE next_step SET follow_up_status = NULL, follow_up_text = NULL, follow_up_at = NULL
  WHERE follow_up_session_id IS NULL;
COMMIT;
