-- 0011: a submitted snapshot keeps the whole report model beside its hashed cchc.report/v1 text, so every
-- later export of a submitted period (docx, csv, md, xlsx, pdf) renders what was submitted. Snapshots made
-- before this migration have none (NULL) and are shown as their JSON only. The column is covered by the
-- immutability trigger of 0007 like every other column.
ALTER TABLE report_snapshots ADD COLUMN model_text text;
