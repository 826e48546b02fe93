-- cchc schema, part 1: the registry of units, plan documents, activities, progress, reports, users
-- and the audit trail. Every write is audited; every name is stored NFC; kinds and date ranges are
-- checked by the database itself.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Group roles the tools switch to (SET LOCAL ROLE) after mapping the person to a user record.
-- Roles are cluster-wide, so create them only when missing (and tolerate a concurrent creator).
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['cchc_admin', 'cchc_unit', 'cchc_viewer'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$$;

-- Who is acting: the tools set `cchc.user` per transaction; direct SQL falls back to the login role.
CREATE FUNCTION cchc_actor() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('cchc.user', true), ''), session_user::text)
$$;

-- NFC for every text value of a row, whatever the client sent (NFD from macOS or PDFs included).
CREATE FUNCTION cchc_normalize_row() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    normalized jsonb;
BEGIN
    IF to_jsonb(NEW)::text IS NFC NORMALIZED THEN
        RETURN NEW;
    END IF;
    SELECT jsonb_object_agg(
               key,
               CASE
                   WHEN jsonb_typeof(value) = 'string' THEN to_jsonb(normalize(value #>> '{}', NFC))
                   WHEN jsonb_typeof(value) = 'array' THEN (
                       SELECT coalesce(jsonb_agg(
                                  CASE WHEN jsonb_typeof(e) = 'string' THEN to_jsonb(normalize(e #>> '{}', NFC))
                                       ELSE e END ORDER BY i), '[]'::jsonb)
                       FROM jsonb_array_elements(value) WITH ORDINALITY AS a(e, i))
                   ELSE value
               END)
      INTO normalized
      FROM jsonb_each(to_jsonb(NEW));
    NEW := jsonb_populate_record(NEW, normalized);
    RETURN NEW;
END
$$;

CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    db_login    text        NOT NULL DEFAULT session_user,
    table_name  text        NOT NULL,
    row_id      text,
    action      text        NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    before      jsonb,
    after       jsonb,
    txid        bigint      NOT NULL DEFAULT txid_current(),
    CHECK ((action = 'insert' AND before IS NULL AND after IS NOT NULL)
        OR (action = 'update' AND before IS NOT NULL AND after IS NOT NULL)
        OR (action = 'delete' AND before IS NOT NULL AND after IS NULL))
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_row ON audit_log (table_name, row_id);

-- Runs as the schema owner so that the application roles can never write the log themselves.
-- Trigger arguments name columns left out of the log (file contents).
CREATE FUNCTION cchc_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
    any_row jsonb;
BEGIN
    IF TG_NARGS > 0 THEN
        old_row := old_row - TG_ARGV;
        new_row := new_row - TG_ARGV;
    END IF;
    IF TG_OP = 'UPDATE' AND old_row = new_row THEN
        RETURN NULL;
    END IF;
    any_row := coalesce(new_row, old_row);
    INSERT INTO audit_log (actor, db_login, table_name, row_id, action, before, after)
    VALUES (cchc_actor(), session_user, TG_TABLE_NAME,
            coalesce(any_row ->> 'id', any_row ->> 'activity_id', any_row ->> 'group_id', any_row ->> 'sha256'),
            lower(TG_OP), old_row, new_row);
    RETURN NULL;
END
$$;

-- Attaches the NFC and audit triggers to a table.
CREATE FUNCTION cchc_track(tbl regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER normalize_nfc BEFORE INSERT OR UPDATE ON %s
                    FOR EACH ROW EXECUTE FUNCTION cchc_normalize_row()', tbl);
    EXECUTE format('CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON %s
                    FOR EACH ROW EXECUTE FUNCTION cchc_audit()', tbl);
END
$$;

-- Units: bodies, divisions, attached units, partners and collective group names, with validity.
CREATE TABLE units (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text    NOT NULL CHECK (name <> '' AND name IS NFC NORMALIZED),
    name_key      text    NOT NULL CHECK (name_key <> ''),
    abbreviation  text    CHECK (abbreviation IS NFC NORMALIZED),
    kind          text    NOT NULL CHECK (kind IN ('authority', 'division', 'service-unit', 'organisation', 'group')),
    parent_id     bigint  REFERENCES units (id),
    place         text,
    valid_from    date,
    valid_to      date,
    needs_review  boolean NOT NULL DEFAULT false,
    note          text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, kind),
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to),
    CHECK (parent_id IS DISTINCT FROM id),
    -- One unit per name among siblings at any moment.
    EXCLUDE USING gist ((coalesce(parent_id, 0)) WITH =, name_key WITH =,
                        daterange(valid_from, valid_to, '[]') WITH &&)
);
CREATE INDEX units_name_key ON units (name_key);
CREATE INDEX units_parent ON units (parent_id);

-- Other spellings of a unit ("UBND tỉnh" for "Ủy ban nhân dân tỉnh Bình Phước"), scoped to a parent.
CREATE TABLE unit_aliases (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id    bigint NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    alias      text   NOT NULL CHECK (alias <> '' AND alias IS NFC NORMALIZED),
    alias_key  text   NOT NULL CHECK (alias_key <> ''),
    scope_id   bigint REFERENCES units (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX unit_aliases_key ON unit_aliases (coalesce(scope_id, 0), alias_key);

-- Lineage: renamed to, merged into, split from, functions transferred to.
CREATE TABLE unit_lineage (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          text   NOT NULL CHECK (kind IN ('renamed-to', 'merged-into', 'split-from', 'functions-transferred-to')),
    from_unit_id  bigint NOT NULL REFERENCES units (id),
    to_unit_id    bigint NOT NULL REFERENCES units (id),
    effective     date   NOT NULL,
    legal_act     text,
    note          text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (from_unit_id <> to_unit_id),
    UNIQUE (kind, from_unit_id, to_unit_id, effective)
);

-- Members of a collective group name; only a unit of kind 'group' can have members.
CREATE TABLE unit_group_members (
    group_id    bigint NOT NULL,
    group_kind  text   NOT NULL DEFAULT 'group' CHECK (group_kind = 'group'),
    member_id   bigint NOT NULL REFERENCES units (id),
    PRIMARY KEY (group_id, member_id),
    FOREIGN KEY (group_id, group_kind) REFERENCES units (id, kind) ON DELETE CASCADE,
    CHECK (group_id <> member_id)
);

-- People using the tools and their role; unit staff belong to a unit.
CREATE TABLE users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login         text    NOT NULL UNIQUE CHECK (login <> '' AND login IS NFC NORMALIZED),
    display_name  text,
    role          text    NOT NULL CHECK (role IN ('admin', 'unit', 'viewer')),
    unit_id       bigint  REFERENCES units (id),
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (role <> 'unit' OR unit_id IS NOT NULL)
);

-- Documents (văn bản): identity of a plan, a report, a decision.
CREATE TABLE documents (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type             text    NOT NULL CHECK (type <> ''),
    type_name        text,
    number           integer CHECK (number > 0),
    symbol           text,
    code             text,
    issuer_unit_id   bigint  NOT NULL REFERENCES units (id),
    issuer_name      text    NOT NULL CHECK (issuer_name IS NFC NORMALIZED),
    issuer_parent    text,
    place            text,
    issued_on        date,
    date_text        text,
    year             integer NOT NULL CHECK (year BETWEEN 1945 AND 2200),
    title            text    CHECK (title IS NFC NORMALIZED),
    signer_capacity  text,
    signer_title     text,
    signer_name      text,
    recipients       text[]  NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((number IS NULL) = (code IS NULL)),
    CHECK (issued_on IS NULL OR extract(year FROM issued_on)::int BETWEEN year - 1 AND year + 1)
);
-- Numbers restart every 1 January and are unique per issuer and year.
CREATE UNIQUE INDEX documents_numbered ON documents (issuer_unit_id, year, number, symbol) WHERE number IS NOT NULL;

-- Plans (kế hoạch): a document with a year, an owner unit and possibly a parent plan.
CREATE TABLE plans (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id      bigint  NOT NULL UNIQUE REFERENCES documents (id),
    year             integer NOT NULL CHECK (year BETWEEN 1945 AND 2200),
    owner_unit_id    bigint  NOT NULL REFERENCES units (id),
    parent_plan_id   bigint  REFERENCES plans (id),
    parent_code      text,
    parent_issued_on date,
    parent_issuer    text,
    revision         integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
    version          integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (parent_plan_id IS DISTINCT FROM id)
);
CREATE INDEX plans_parent_code ON plans (parent_code);

-- Every imported version of a plan, kept readable after a replacement.
CREATE TABLE plan_revisions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id       bigint  NOT NULL REFERENCES plans (id),
    revision      integer NOT NULL CHECK (revision >= 1),
    source_file   text    NOT NULL,
    source_sha256 text    NOT NULL CHECK (source_sha256 ~ '^[0-9a-f]{64}$'),
    media_type    text    NOT NULL CHECK (media_type IN ('txt', 'md', 'docx', 'json', 'manual')),
    content       jsonb   NOT NULL,
    imported_at   timestamptz NOT NULL DEFAULT now(),
    imported_by   text    NOT NULL DEFAULT cchc_actor(),
    UNIQUE (plan_id, revision)
);
CREATE INDEX plan_revisions_sha ON plan_revisions (source_sha256);

-- The document tree of the plan's current revision.
CREATE TABLE sections (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id     bigint  NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    parent_id   bigint  REFERENCES sections (id) ON DELETE CASCADE,
    position    integer NOT NULL CHECK (position >= 0),
    path        text    NOT NULL,
    label       text    NOT NULL,
    heading     text    NOT NULL,
    body        text[]  NOT NULL DEFAULT '{}'
);
CREATE INDEX sections_plan ON sections (plan_id, position);

-- Activities (hoạt động / nhiệm vụ) with their time frame as written and as parsed.
CREATE TABLE activities (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id             bigint  NOT NULL REFERENCES plans (id),
    ref                 text    NOT NULL CHECK (ref <> ''),
    position            integer NOT NULL CHECK (position >= 0),
    title               text    NOT NULL CHECK (title <> '' AND title IS NFC NORMALIZED),
    group_name          text,
    schedule_text       text    NOT NULL,
    schedule_kind       text    NOT NULL CHECK (schedule_kind IN ('continuous', 'period', 'deadline', 'recurring', 'unspecified')),
    schedule_from       date,
    schedule_to         date,
    schedule_every      text    CHECK (schedule_every IN ('month', 'quarter', 'half-year', 'year')),
    state               text    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'cancelled')),
    state_on            date,
    state_note          text,
    parent_activity_id  bigint  REFERENCES activities (id),
    removed_in_revision integer,
    version             integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (schedule_from IS NULL OR schedule_to IS NULL OR schedule_from <= schedule_to),
    CHECK (CASE schedule_kind
               WHEN 'deadline' THEN schedule_from IS NULL AND schedule_to IS NOT NULL
               WHEN 'unspecified' THEN schedule_from IS NULL AND schedule_to IS NULL
               ELSE schedule_from IS NOT NULL AND schedule_to IS NOT NULL
           END),
    CHECK ((schedule_kind = 'recurring') = (schedule_every IS NOT NULL)),
    CHECK ((state = 'open') = (state_on IS NULL)),
    CHECK (parent_activity_id IS DISTINCT FROM id)
);
CREATE UNIQUE INDEX activities_ref ON activities (plan_id, ref) WHERE removed_in_revision IS NULL;
CREATE INDEX activities_parent ON activities (parent_activity_id);

CREATE TABLE activity_assignments (
    activity_id   bigint  NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    unit_id       bigint  NOT NULL REFERENCES units (id),
    role          text    NOT NULL CHECK (role IN ('lead', 'coordinating')),
    position      integer NOT NULL DEFAULT 0,
    written_name  text,
    PRIMARY KEY (activity_id, unit_id, role)
);
CREATE INDEX activity_assignments_unit ON activity_assignments (unit_id);

-- Sản phẩm: expected products, with a planned count when the plan gives one.
CREATE TABLE products (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    activity_id    bigint  NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    position       integer NOT NULL CHECK (position >= 0),
    text           text    NOT NULL CHECK (text <> ''),
    type           text    NOT NULL,
    planned_count  integer CHECK (planned_count >= 0),
    count_unit     text,
    UNIQUE (activity_id, position)
);

-- Progress entries: append-only; a correction supersedes an earlier entry, with a reason.
CREATE TABLE progress_entries (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    activity_id    bigint  NOT NULL REFERENCES activities (id),
    unit_id        bigint  NOT NULL REFERENCES units (id),
    entry_date     date    NOT NULL,
    text           text    NOT NULL CHECK (text <> '' AND text IS NFC NORMALIZED),
    quantity       numeric CHECK (quantity >= 0),
    quantity_unit  text,
    supersedes_id  bigint  UNIQUE REFERENCES progress_entries (id),
    reason         text,
    recorded_by    text    NOT NULL DEFAULT cchc_actor(),
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (supersedes_id IS NULL OR (reason IS NOT NULL AND reason <> '')),
    CHECK (quantity_unit IS NULL OR quantity IS NOT NULL)
);
CREATE INDEX progress_entries_activity ON progress_entries (activity_id, entry_date);
CREATE INDEX progress_entries_unit ON progress_entries (unit_id, entry_date);

CREATE FUNCTION cchc_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'cchc: % is append-only; record a correcting entry instead', TG_TABLE_NAME
        USING ERRCODE = 'P0001', HINT = 'append-only';
END
$$;

-- Files kept as evidence, stored once per content.
CREATE TABLE evidence_files (
    sha256      text   PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    file_name   text   NOT NULL,
    media_type  text,
    size        bigint NOT NULL CHECK (size >= 0 AND size <= 52428800),
    content     bytea  NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (octet_length(content) = size)
);

-- Tài liệu kiểm chứng attached to a progress entry.
CREATE TABLE evidence (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    progress_entry_id  bigint  NOT NULL REFERENCES progress_entries (id),
    position           integer NOT NULL CHECK (position >= 0),
    kind               text    NOT NULL CHECK (kind IN ('url', 'document', 'file')),
    value              text    NOT NULL CHECK (value <> ''),
    title              text,
    file_sha256        text    REFERENCES evidence_files (sha256),
    UNIQUE (progress_entry_id, position),
    CHECK ((kind = 'file') = (file_sha256 IS NOT NULL)),
    CHECK (kind <> 'url' OR value ~* '^(https?|ftp)://')
);

-- Locking after submission: nothing dated inside the window changes without an audited reopening.
CREATE TABLE period_locks (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id        bigint NOT NULL REFERENCES plans (id),
    unit_id        bigint REFERENCES units (id),
    period_id      text   NOT NULL CHECK (period_id ~ '^[0-9]{4}-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]|9M|Y)$'),
    regime         text   NOT NULL,
    window_from    date   NOT NULL,
    window_to      date   NOT NULL,
    locked_at      timestamptz NOT NULL DEFAULT now(),
    locked_by      text   NOT NULL DEFAULT cchc_actor(),
    reopened_at    timestamptz,
    reopened_by    text,
    reopen_reason  text,
    CHECK (window_from <= window_to),
    CHECK ((reopened_at IS NULL) = (reopened_by IS NULL)),
    CHECK (reopened_at IS NULL OR (reopen_reason IS NOT NULL AND reopen_reason <> ''))
);
CREATE UNIQUE INDEX period_locks_active ON period_locks (plan_id, coalesce(unit_id, 0), period_id, regime)
    WHERE reopened_at IS NULL;

CREATE FUNCTION cchc_refuse_locked_progress() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    lock record;
BEGIN
    SELECT l.period_id, l.window_from, l.window_to INTO lock
      FROM period_locks l
      JOIN activities a ON a.plan_id = l.plan_id
     WHERE a.id = NEW.activity_id
       AND l.reopened_at IS NULL
       AND (l.unit_id IS NULL OR l.unit_id = NEW.unit_id
            OR l.unit_id = (SELECT parent_id FROM units WHERE id = NEW.unit_id))
       AND NEW.entry_date BETWEEN l.window_from AND l.window_to
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'cchc: period % (% – %) is locked', lock.period_id, lock.window_from, lock.window_to
            USING ERRCODE = 'P0001', HINT = 'period-locked', DETAIL = lock.period_id;
    END IF;
    RETURN NEW;
END
$$;

-- The periodic report of a unit on a plan: the free text staff write, and its frozen snapshots.
CREATE TABLE reports (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id     bigint NOT NULL REFERENCES plans (id),
    unit_id     bigint NOT NULL REFERENCES units (id),
    period_id   text   NOT NULL CHECK (period_id ~ '^[0-9]{4}-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]|9M|Y)$'),
    regime      text   NOT NULL,
    number      integer CHECK (number > 0),
    issued_on   date,
    issues      text,
    proposals   text,
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (plan_id, unit_id, period_id, regime)
);

CREATE TABLE report_snapshots (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id     bigint  NOT NULL REFERENCES reports (id),
    version       integer NOT NULL CHECK (version >= 1),
    status        text    NOT NULL CHECK (status IN ('submitted', 'superseded')),
    sha256        text    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content       jsonb   NOT NULL,
    submitted_at  timestamptz NOT NULL DEFAULT now(),
    submitted_by  text    NOT NULL DEFAULT cchc_actor(),
    UNIQUE (report_id, version)
);
CREATE UNIQUE INDEX report_snapshots_current ON report_snapshots (report_id) WHERE status = 'submitted';

-- NFC and audit on every table that holds data.
DO $$
DECLARE
    t regclass;
BEGIN
    FOREACH t IN ARRAY ARRAY[
        'units', 'unit_aliases', 'unit_lineage', 'unit_group_members', 'users', 'documents', 'plans',
        'plan_revisions', 'sections', 'activities', 'activity_assignments', 'products', 'progress_entries',
        'evidence', 'period_locks', 'reports', 'report_snapshots'
    ]::regclass[] LOOP
        PERFORM cchc_track(t);
    END LOOP;
END
$$;

-- File contents are neither NFC-normalised (they are bytes) nor copied into the audit log.
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON evidence_files
    FOR EACH ROW EXECUTE FUNCTION cchc_audit('content');

CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON progress_entries
    FOR EACH ROW EXECUTE FUNCTION cchc_append_only();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON evidence
    FOR EACH ROW EXECUTE FUNCTION cchc_append_only();
CREATE TRIGGER refuse_locked BEFORE INSERT ON progress_entries
    FOR EACH ROW EXECUTE FUNCTION cchc_refuse_locked_progress();
