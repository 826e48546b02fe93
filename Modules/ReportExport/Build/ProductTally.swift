import PlanCore

/// Totals products by type: planned counts (`Product.plannedCount` summed per `Product.type`) beside
/// reported quantities (results' `quantity` summed per `quantityUnit`).
///
/// A reported quantity unit joins a planned type when, compared case-insensitively, it equals the type or
/// the product's counting word ("lớp" joins "lớp tập huấn"). Quantities without a unit are totalled
/// under "khác". Planned types come first in plan order, then unmatched units in order of appearance.
struct ProductTally {
    private var products: [Product] = []
    private var results: [ReportResult] = []
    private static let unnamed = "khác"

    mutating func plan(_ products: [Product]) { self.products += products }

    mutating func report(_ results: [ReportResult]) { self.results += results }

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
        for result in results {
            guard let quantity = result.quantity else { continue }
            let trimmed = VietnameseFormat.trimmed(result.quantityUnit ?? "")
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
