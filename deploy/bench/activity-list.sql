-- What `cchc-admin activity list --plan … --format json` reads, as one query for psql (deploy/bench/run.sh
-- compares the two): the plan's current activities in order, with plan code, schedule, state, version,
-- lead and coordinating units, and the dates of the progress entries that decide each status.
-- Run with: psql -v plan=ID -f deploy/bench/activity-list.sql
SELECT a.id, coalesce(d.code, '#' || p.id) AS plan, p.year, a.ref, a.position, a.title, a.group_name,
       a.schedule_text, a.schedule_kind, a.schedule_from, a.schedule_to, a.schedule_every, a.state, a.state_on,
       a.state_note, a.version,
       (SELECT json_agg(json_build_object('role', aa.role, 'unit', u.name, 'parent', up.name, 'written', aa.written_name)
                        ORDER BY aa.role DESC, aa.position, u.name)
          FROM activity_assignments aa JOIN units u ON u.id = aa.unit_id LEFT JOIN units up ON up.id = u.parent_id
         WHERE aa.activity_id = a.id) AS units,
       (SELECT json_agg(e.entry_date ORDER BY e.entry_date)
          FROM progress_entries e
         WHERE e.activity_id = a.id
           AND NOT EXISTS (SELECT 1 FROM progress_entries s WHERE s.supersedes_id = e.id)) AS entry_dates
  FROM activities a
  JOIN plans p ON p.id = a.plan_id
  JOIN documents d ON d.id = p.document_id
 WHERE a.plan_id = :plan AND a.removed_in_revision IS NULL
 ORDER BY a.position, a.id;
