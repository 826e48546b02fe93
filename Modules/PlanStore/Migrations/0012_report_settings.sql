-- 0012: who signs a Sở's periodic reports and where they go (Nơi nhận), kept as settings of the reporting
-- unit, so the signed paper, the submitted snapshot and every later export name the same signer. An
-- export may override them for one report (cchc-export report --signer …); a submission freezes what it used.
CREATE TABLE report_settings (
    unit_id          bigint PRIMARY KEY REFERENCES units (id),
    -- Quyền hạn ký (Nghị định 30/2020, Phụ lục I, mục II.8): "KT. GIÁM ĐỐC", "TL. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"…
    signer_capacity  text CHECK (signer_capacity IS NULL OR signer_capacity ~ '^(KT|TL|TM|TUQ|Q)\. \S'),
    signer_title     text,
    signer_name      text,
    -- Nơi nhận, one entry per line as printed, without "- " and the final ";"; "Lưu: …" is added when missing.
    distribution     text[] NOT NULL DEFAULT '{}',
    version          integer NOT NULL DEFAULT 1,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
SELECT cchc_track('report_settings');
CREATE TRIGGER guard_role BEFORE INSERT OR UPDATE OR DELETE ON report_settings
    FOR EACH STATEMENT EXECUTE FUNCTION cchc_guard_role();
CREATE TRIGGER mark_data_write AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON report_settings
    FOR EACH STATEMENT EXECUTE FUNCTION cchc_mark_data_write();
ALTER TABLE report_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON report_settings FOR SELECT USING (true);
CREATE POLICY admin_all ON report_settings TO cchc_admin USING (true) WITH CHECK (true);
