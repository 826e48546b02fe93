import Foundation
import CLISupport
import PlanCore
import Postgres

extension SyntheticLoad {
    /// The first `shape.provinces` provinces of the catalogue not in the database yet, so that a second
    /// run adds provinces (one province, then the other 33 for the national scale).
    func chooseProvinces() throws -> [(ordinal: Int, province: UnitCatalogue.Province)] {
        let candidates = (1...(shape.provinces + 500)).map { ($0, UnitCatalogue.province($0)) }
        let keys = candidates.map { VietnameseText.foldedKey($0.1.authorityName) }
        let taken = Set(
            try connection.query("SELECT name_key FROM units WHERE parent_id IS NULL AND name_key = ANY(\(keys)::text[])")
                .map { try $0.decode(String.self, at: 0) })
        let free = candidates.filter { !taken.contains(VietnameseText.foldedKey($0.1.authorityName)) }
        guard free.count >= shape.provinces else {
            throw ToolError("Cơ sở dữ liệu đã có quá nhiều tỉnh tổng hợp; hãy dùng một cơ sở dữ liệu mới.")
        }
        return Array(free.prefix(shape.provinces)).map { (ordinal: $0.0, province: $0.1) }
    }

    /// Provinces (UBND tỉnh, with the "UBND tỉnh …" alias), their departments and the divisions of each.
    mutating func insertUnits(_ provinces: [(ordinal: Int, province: UnitCatalogue.Province)]) throws {
        var random = SeededGenerator(seed: shape.seed)
        let p = provinces.map(\.province)
        try connection.query(
            """
            INSERT INTO synth_province (ord, id, name, key, place, upper_name, slug, alias, alias_key, parent_number, parent_day,
                                        parent_issuer)
            SELECT t.ord, nextval(pg_get_serial_sequence('units', 'id')), t.name, t.key, t.place, t.upper_name, t.slug,
                   t.alias, t.alias_key, t.parent_number, t.parent_day, t.parent_issuer
              FROM unnest(\(provinces.map { String($0.ordinal) })::text[]::int[], \(p.map(\.authorityName))::text[],
                          \(p.map { VietnameseText.foldedKey($0.authorityName) })::text[], \(p.map(\.place))::text[],
                          \(p.map { VietnameseText.upper($0.authorityShortName) })::text[], \(p.map { Self.slug($0.place) })::text[],
                          \(p.map(\.authorityShortName))::text[], \(p.map { VietnameseText.foldedKey($0.authorityShortName) })::text[],
                          \(p.map { _ in String(random.int(in: 20...150)) })::text[]::int[],
                          \(p.map { _ in String(random.int(in: 1...28)) })::text[]::int[],
                          \(p.map { $0.isCity ? "UBND thành phố" : "UBND tỉnh" })::text[])
                   AS t(ord, name, key, place, upper_name, slug, alias, alias_key, parent_number, parent_day, parent_issuer)
            """)
        let provinceRows = try connection.query(
            """
            INSERT INTO units (id, name, name_key, abbreviation, kind, place) OVERRIDING SYSTEM VALUE
            SELECT id, name, key, 'UBND', 'authority', place FROM synth_province
            """
        ).affectedRows ?? 0
        try connection.query(
            "INSERT INTO unit_aliases (unit_id, alias, alias_key) SELECT id, alias, alias_key FROM synth_province")

        let departments = (1...shape.units).map(UnitCatalogue.department)
        let issuers = departments.map { $0.name.replacingOccurrences(of: " tỉnh", with: "") }
        try connection.query(
            """
            INSERT INTO synth_department (province_ord, ord, id, name, upper_name, key, abbreviation, kind, slug, head)
            SELECT p.ord, d.ord, nextval(pg_get_serial_sequence('units', 'id')), d.name, d.upper_name, d.key,
                   d.abbreviation, d.kind, d.slug, d.head
              FROM synth_province p
             CROSS JOIN unnest(\((1...shape.units).map(String.init))::text[]::int[], \(departments.map(\.name))::text[],
                               \(issuers.map(VietnameseText.upper))::text[],
                               \(departments.map { VietnameseText.foldedKey($0.name) })::text[],
                               \(departments.map(\.abbreviation))::text[],
                               \(departments.map { $0.isServiceUnit ? "service-unit" : "authority" })::text[],
                               \(departments.map { Self.slug($0.abbreviation) })::text[],
                               \(departments.map(PlanLayout.headTitle))::text[])
                   AS d(ord, name, upper_name, key, abbreviation, kind, slug, head)
             ORDER BY p.ord, d.ord
            """)
        let departmentRows = try connection.query(
            """
            INSERT INTO units (id, name, name_key, abbreviation, kind, parent_id, place) OVERRIDING SYSTEM VALUE
            SELECT d.id, d.name, d.key, d.abbreviation, d.kind, p.id, p.place
              FROM synth_department d JOIN synth_province p ON p.ord = d.province_ord
            """
        ).affectedRows ?? 0

        var divisionOwner: [String] = []
        var divisionOrdinal: [String] = []
        var divisionName: [String] = []
        var divisionKind: [String] = []
        for (index, department) in departments.enumerated() {
            for (ordinal, division) in UnitCatalogue.divisions(of: department).enumerated() {
                divisionOwner.append(String(index + 1))
                divisionOrdinal.append(String(ordinal + 1))
                divisionName.append(division.name)
                divisionKind.append(division.serviceUnit ? "service-unit" : "division")
            }
        }
        try connection.query(
            """
            INSERT INTO synth_division (department_id, ord, id, name, key, kind)
            SELECT d.id, v.ord, nextval(pg_get_serial_sequence('units', 'id')), v.name, v.key, v.kind
              FROM synth_department d
              JOIN unnest(\(divisionOwner)::text[]::int[], \(divisionOrdinal)::text[]::int[], \(divisionName)::text[],
                          \(divisionName.map(VietnameseText.foldedKey))::text[], \(divisionKind)::text[])
                   AS v(department_ord, ord, name, key, kind) ON v.department_ord = d.ord
             ORDER BY d.id, v.ord
            """)
        let divisionRows = try connection.query(
            """
            INSERT INTO units (id, name, name_key, kind, parent_id) OVERRIDING SYSTEM VALUE
            SELECT id, name, key, kind, department_id FROM synth_division
            """
        ).affectedRows ?? 0
        counts += [("UBND tỉnh", provinceRows), ("cơ quan (sở, ban, ngành)", departmentRows), ("phòng, đơn vị", divisionRows)]
    }

    /// An ASCII slug for web addresses ("Đồng Nai" → "dongnai").
    static func slug(_ text: String) -> String {
        String(VietnameseText.accentInsensitiveKey(text).unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }.map(Character.init))
    }
}
