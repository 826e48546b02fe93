import Foundation
import Postgres

extension SyntheticLoad {
    /// `shape.entries` progress entries per activity, spread evenly over the activity's window with a
    /// jitter, recorded by its lead division a few days later (what the activity's kind of work yields), with one or two pieces of evidence each (a
    /// link to the published article, a report number). One statement per province.
    mutating func insertProgress(provinces: [(ordinal: Int, province: UnitCatalogue.Province)]) throws {
        var entries = 0
        var evidence = 0
        for (index, province) in provinces.enumerated() {
            let started = Date()
            let row = try connection.query(
                """
                WITH entries AS (
                    INSERT INTO progress_entries (activity_id, unit_id, entry_date, text, quantity, quantity_unit, recorded_by,
                                                  recorded_at)
                    SELECT a.id, a.lead_id, e.day, (\(pools.resultTexts)::text[])[a.title],
                           CASE WHEN (\(pools.resultUnits)::text[])[a.title] IS NOT NULL
                                THEN pg_temp.synth_pick(e.k, \(salt(.quantity)), 12) END,
                           (\(pools.resultUnits)::text[])[a.title], 'cchc-synth',
                           (e.day + time '07:30'
                               + make_interval(days => pg_temp.synth_pick(e.k, \(salt(.recordLag)), 4) - 1,
                                               mins => pg_temp.synth_pick(e.k, \(salt(.recordMinute)), 600)))
                               AT TIME ZONE 'Asia/Ho_Chi_Minh'
                      FROM synth_activity a
                     CROSS JOIN generate_series(1, \(shape.entries)::int) n
                     CROSS JOIN LATERAL (
                           SELECT a.k * 100000 + n AS k, a.last_day - a.first_day + 1 AS span) w
                     CROSS JOIN LATERAL (
                           SELECT w.k,
                                  a.first_day + ((n - 1) * w.span) / \(shape.entries)::int
                                      + pg_temp.synth_pick(w.k, \(salt(.entryDay)), greatest(1, w.span / \(shape.entries)::int)) - 1
                                      AS day) e
                     WHERE a.province_ord = \(province.ordinal)::int
                     ORDER BY a.id, n
                    RETURNING id, activity_id, entry_date
                ), stored AS (
                    INSERT INTO evidence (progress_entry_id, position, kind, value, title)
                    SELECT en.id, ev.position,
                           CASE ev.position WHEN 0 THEN 'url' ELSE 'document' END,
                           CASE ev.position
                               WHEN 0 THEN 'https://' || d.slug || '.' || p.slug || '.gov.vn/tin-tuc/cchc-' || en.id || '.html'
                               ELSE lpad((en.id % 900 + 1)::text, 2, '0') || '/BC-' || d.abbreviation
                           END,
                           CASE ev.position
                               WHEN 0 THEN 'Tin, bài trên Trang thông tin điện tử'
                               ELSE 'Báo cáo kết quả ngày ' || to_char(en.entry_date, 'DD/MM/YYYY')
                           END
                      FROM entries en
                      JOIN synth_activity a ON a.id = en.activity_id
                      JOIN synth_department d ON d.id = a.department_id
                      JOIN synth_province p ON p.ord = d.province_ord
                     CROSS JOIN LATERAL generate_series(0, (en.id % 2)::int) ev(position)
                    RETURNING 1
                )
                SELECT (SELECT count(*) FROM entries), (SELECT count(*) FROM stored)
                """
            ).singleRow()
            let madeEntries = try row.decode(Int.self, at: 0)
            let madeEvidence = try row.decode(Int.self, at: 1)
            entries += madeEntries
            evidence += madeEvidence
            if provinces.count > 1 {
                progress(
                    "    \(province.province.localName) (\(index + 1)/\(provinces.count)): "
                        + "\(SynthText.number(madeEntries)) mục tiến độ, \(SynthText.number(madeEvidence)) minh chứng, "
                        + SynthText.seconds(Date().timeIntervalSince(started)))
            }
        }
        counts += [("mục tiến độ", entries), ("minh chứng", evidence)]
    }
}
