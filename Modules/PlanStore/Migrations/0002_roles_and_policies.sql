-- Who may do what, enforced by PostgreSQL itself: the tools switch to one of three group roles
-- (SET LOCAL ROLE) after mapping the person to a `users` row, so a forbidden write fails in the
-- database even when issued as direct SQL.

-- The unit of the person acting (NULL for admins and viewers without a unit).
CREATE FUNCTION cchc_current_unit() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT unit_id FROM users WHERE login = cchc_actor() AND active
$$;

-- Whether `unit` leads or coordinates `activity`, directly or as a member of an assigned group.
CREATE FUNCTION cchc_unit_takes_part(activity bigint, unit bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (
        SELECT 1
          FROM activity_assignments aa
         WHERE aa.activity_id = activity
           AND (aa.unit_id = unit
                OR EXISTS (SELECT 1 FROM unit_group_members m
                            WHERE m.group_id = aa.unit_id AND m.member_id = unit)))
$$;

GRANT SELECT ON ALL TABLES IN SCHEMA public TO cchc_viewer, cchc_unit, cchc_admin;
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO cchc_admin;
REVOKE INSERT, UPDATE, DELETE ON audit_log FROM cchc_admin;
GRANT INSERT ON progress_entries, evidence, evidence_files TO cchc_unit;
GRANT UPDATE (state, state_on, state_note, version, updated_at) ON activities TO cchc_unit;

ALTER TABLE activities ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON activities FOR SELECT USING (true);
CREATE POLICY admin_all ON activities TO cchc_admin USING (true) WITH CHECK (true);
CREATE POLICY unit_status ON activities FOR UPDATE TO cchc_unit
    USING (cchc_unit_takes_part(id, cchc_current_unit()))
    WITH CHECK (cchc_unit_takes_part(id, cchc_current_unit()));

ALTER TABLE progress_entries ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON progress_entries FOR SELECT USING (true);
CREATE POLICY admin_all ON progress_entries TO cchc_admin USING (true) WITH CHECK (true);
CREATE POLICY unit_own ON progress_entries FOR INSERT TO cchc_unit
    WITH CHECK (unit_id = cchc_current_unit() AND cchc_unit_takes_part(activity_id, unit_id));

ALTER TABLE evidence ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON evidence FOR SELECT USING (true);
CREATE POLICY admin_all ON evidence TO cchc_admin USING (true) WITH CHECK (true);
CREATE POLICY unit_own ON evidence FOR INSERT TO cchc_unit
    WITH CHECK (EXISTS (SELECT 1 FROM progress_entries p
                         WHERE p.id = progress_entry_id AND p.unit_id = cchc_current_unit()));

-- Tables added by later migrations get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO cchc_viewer, cchc_unit, cchc_admin;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT INSERT, UPDATE, DELETE ON TABLES TO cchc_admin;
