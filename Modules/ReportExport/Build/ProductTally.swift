import PlanCore

/// Totals products by type: planned counts (`Product.plannedCount` summed per `Product.type`) beside
/// reported quantities (results' `quantity` summed per `quantityUnit`).
///
/// A reported quantity unit joins a planned type when, compared case-insensitively, it equals the type or
/// the product's counting word ("lớp" joins "lớp tập huấn"). Quantities without a unit are totalled
/// under "khác". Planned types come first in plan order, then unmatched units in order of appearance.
struct ProductTally {
    private var products: [Product] = []
    /// Reported quantities summed per unit as written, in order of first appearance (a plan uses a few
    /// dozen units for 100,000 results).
    private var reportedUnits: [(unit: String?, sum: Double)] = []
    private var unitIndex: [String?: Int] = [:]
    private static let unnamed = "khác"

    mutating func plan(_ products: [Product]) { self.products += products }

    mutating func report(_ results: [ReportResult]) {
        for result in results {
            guard let quantity = result.quantity else { continue }
            if let index = unitIndex[result.quantityUnit] {
                reportedUnits[index].sum += quantity
            } else {
                unitIndex[result.quantityUnit] = reportedUnits.count
                reportedUnits.append((result.quantityUnit, quantity))
            }
        }
    }

    var totals: [Report.ProductTotal] {
        var names: [String] = []
        var planned: [String: Int] = [:]
        var reported: [String: Double] = [:]
        var aliases: [String: String] = [:]
        for product in products {
            let key = Self.fold(product.type)
            guard !key.isEmpty else { continue }
            if aliases[key] != key {
                if !names.contains(where: { Self.fold($0) == key }) { names.append(product.type) }
                aliases[key] = key
            }
            if let count = product.plannedCount { planned[key, default: 0] += count }
            if let word = product.unit.map(Self.fold), !word.isEmpty, aliases[word] == nil { aliases[word] = key }
        }
        var folds: [String: String] = [:]
        for (unit, quantity) in reportedUnits {
            let trimmed = VietnameseFormat.trimmed(unit ?? "")
            let unitName = trimmed.isEmpty ? Self.unnamed : trimmed
            let folded = folds[unitName] ?? Self.fold(unitName)
            folds[unitName] = folded
            let key = aliases[folded] ?? folded
            if aliases[key] == nil {
                names.append(unitName)
                aliases[key] = key
            }
            reported[key, default: 0] += quantity
        }
        return names.map { name in
            let key = folds[name] ?? Self.fold(name)
            return Report.ProductTotal(name: name, planned: planned[key], reported: reported[key])
        }
    }

    private static func fold(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
