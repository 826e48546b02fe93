-- 0013: a body merged into another (hợp nhất, sáp nhập; Nghị quyết 190/2025/QH15: the receiving body
-- takes over the functions and tasks of the one it absorbs). Until now a merge only closed the unit.
-- From here on:
--
-- 1. Documents dated on or after the merge name the receiving body: a unit "stands for" its successor
--    on a day, following 'renamed-to' and 'merged-into' links effective by then (`cchc_unit_successor`).
--    A report for a later period shows the successor in the header, the signature and the tables; one
--    dated before the change keeps the old name.
-- 2. The receiving body holds the absorbed body's plans and activities (`cchc_unit_estate`): its staff
--    may record results for them, and its work list shows them. History stays: entries keep the unit
--    that recorded them.
-- 3. Locks follow: a lock of the receiving body covers the absorbed body's plans and units below it
--    (`cchc_unit_heirs`), and an old lock of the absorbed body still holds.

-- The unit `unit` stands for on `day`: its successor by rename or merge effective by then, as the row of
-- that unit valid on `day`.
CREATE FUNCTION cchc_unit_successor(unit bigint, day date) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    WITH RECURSIVE forward(id, depth) AS (
        SELECT unit, 0 WHERE unit IS NOT NULL
        UNION
        SELECT l.to_unit_id, f.depth + 1
          FROM forward f
          JOIN unit_lineage l ON l.from_unit_id = f.id
         WHERE l.kind IN ('renamed-to', 'merged-into') AND l.effective <= day AND f.depth < 64
    )
    SELECT cchc_unit_on(
        coalesce((SELECT f.id FROM forward f
                   WHERE NOT EXISTS (SELECT 1 FROM unit_lineage l
                                      WHERE l.from_unit_id = f.id AND l.kind IN ('renamed-to', 'merged-into')
                                        AND l.effective <= day)
                   ORDER BY f.depth DESC, f.id LIMIT 1),
                 unit),
        day)
$$;

-- What `unit` holds: every row of its chain and, recursively, of the units merged into it.
CREATE FUNCTION cchc_unit_estate(unit bigint) RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    WITH RECURSIVE estate(id) AS (
        SELECT c FROM cchc_unit_chain(unit) AS c
        UNION
        SELECT c FROM estate e
          JOIN unit_lineage l ON l.kind = 'merged-into' AND l.to_unit_id = e.id
         CROSS JOIN LATERAL cchc_unit_chain(l.from_unit_id) AS c
    )
    SELECT id FROM estate
$$;

-- Who holds what `unit` held: every row of its chain and, recursively, of the units it was merged into.
CREATE FUNCTION cchc_unit_heirs(unit bigint) RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    WITH RECURSIVE heirs(id) AS (
        SELECT c FROM cchc_unit_chain(unit) AS c
        UNION
        SELECT c FROM heirs h
          JOIN unit_lineage l ON l.kind = 'merged-into' AND l.from_unit_id = h.id
         CROSS JOIN LATERAL cchc_unit_chain(l.to_unit_id) AS c
    )
    SELECT id FROM heirs
$$;

-- A unit takes part in an activity assigned to it, to a group it belongs to, or to a unit it absorbed.
CREATE OR REPLACE FUNCTION cchc_unit_takes_part(activity bigint, unit bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1
          FROM activity_assignments aa
         WHERE aa.activity_id = activity
           AND (aa.unit_id IN (SELECT cchc_unit_estate(unit))
                OR EXISTS (SELECT 1 FROM unit_group_members m
                            WHERE m.group_id = aa.unit_id
                              AND m.member_id IN (SELECT cchc_unit_estate(unit)))))
$$;

-- The unit and every unit above it, following renames and merges at each level (a lock of the body
-- that absorbed a Sở covers that Sở's divisions).
CREATE OR REPLACE FUNCTION cchc_unit_and_ancestors(unit bigint) RETURNS SETOF bigint
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    WITH RECURSIVE up(id) AS (
        SELECT c FROM cchc_unit_heirs(unit) AS c
        UNION
        SELECT c FROM up JOIN units u ON u.id = up.id CROSS JOIN LATERAL cchc_unit_heirs(u.parent_id) AS c
         WHERE u.parent_id IS NOT NULL
    )
    SELECT id FROM up
$$;

CREATE OR REPLACE FUNCTION cchc_covering_lock(activity bigint, unit bigint, days date[])
RETURNS TABLE (period_id text, window_from date, window_to date)
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT l.period_id, l.window_from, l.window_to
      FROM period_locks l
      JOIN activities a ON a.plan_id = l.plan_id
      JOIN plans p ON p.id = a.plan_id
     WHERE a.id = activity
       AND l.reopened_at IS NULL
       AND EXISTS (SELECT 1 FROM unnest(days) AS d(day) WHERE d.day BETWEEN l.window_from AND l.window_to)
       AND (l.unit_id IS NULL
            OR l.unit_id IN (SELECT cchc_unit_heirs(p.owner_unit_id))
            OR (unit IS NOT NULL AND l.unit_id IN (SELECT cchc_unit_and_ancestors(unit)))
            OR (unit IS NULL AND l.unit_id IN (SELECT cchc_unit_and_ancestors(aa.unit_id)
                                                 FROM activity_assignments aa WHERE aa.activity_id = activity)))
     ORDER BY l.window_from
     LIMIT 1
$$;
