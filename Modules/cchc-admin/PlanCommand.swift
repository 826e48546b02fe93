import ArgumentParser
import CLISupport
import PlanCore
import PlanStore

/// `cchc-admin plan …`: stored plans and how they implement their parent plans.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Kế hoạch: danh sách, chi tiết, gắn kế hoạch cấp trên, mức độ triển khai nhiệm vụ cấp trên.",
        discussion: "KẾ_HOẠCH là số ký hiệu (ví dụ 45/KH-STP) hoặc mã số #3. Kế hoạch được nạp bằng cchc-import.",
        subcommands: [List.self, Show.self, LinkParent.self, Coverage.self])

    static func planJSON(_ plan: StoredPlan) -> JSONValue {
        .object([
            ("id", .int(Int(plan.id))), ("code", .string(plan.code)), ("reference", .string(plan.reference)),
            ("title", .string(plan.title)), ("year", .int(plan.year)), ("issuedOn", .string(plan.issuedOn?.iso)),
            ("owner", .string(plan.owner)), ("parentCode", .string(plan.parentCode)),
            ("parentLinked", .bool(plan.parentLinked)),
            ("revision", .int(plan.revision)), ("activities", .int(plan.activityCount)),
        ])
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Các kế hoạch đã nạp.")
        @Option(help: "Chỉ kế hoạch của năm này.") var year: Int?
        @OptionGroup var output: FormatOption
        @OptionGroup var session: SessionOptions

        func run() throws {
            let store = try session.open()
            var listing = Listing(columns: [
                .init("id", "Mã", numeric: true), .init("code", "Số, ký hiệu"), .init("year", "Năm", numeric: true),
                .init("owner", "Cơ quan"), .init("title", "Trích yếu"), .init("parentCode", "Thực hiện KH"),
                .init("parentLinked", "Đã gắn"), .init("revision", "Bản", numeric: true),
                .init("activities", "Hoạt động", numeric: true),
            ])
            for plan in try store.listPlans() where year.map({ $0 == plan.year }) ?? true {
                listing.append([
                    .int(Int(plan.id)), .string(plan.reference), .int(plan.year), .string(plan.owner),
                    .string(plan.title),
                    .string(plan.parentCode), .bool(plan.parentLinked), .int(plan.revision), .int(plan.activityCount),
                ])
            }
            Terminal.write(listing.render(output.format))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Chi tiết một kế hoạch và các hoạt động của nó.")
        @Argument(help: "Kế hoạch (số ký hiệu hoặc #mã).") var plan: String
        @Option(help: "Ngày tính tình trạng hoạt động (mặc định hôm nay).") var asOf: String?
        @OptionGroup var output: FormatOption
        @OptionGroup var session: SessionOptions

        func run() throws {
            let day = try Arguments.day(asOf, "--as-of") ?? Store.today
            let store = try session.open()
            let plan = try Arguments.plan(store, plan, option: "KẾ_HOẠCH")
            let detail = try store.planDetail(plan.id)
            let activities = try store.listActivities(ActivityFilter(planID: plan.id, asOf: day))
            switch output.format {
            case .json:
                var object = PlanCommand.planJSON(plan)
                if case .object(var pairs) = object {
                    pairs.append(("issuer", .string(detail.document.issuer)))
                    pairs.append(("signer", .string(detail.document.signer.name)))
                    pairs.append(("parent", detail.parent.map(PlanCommand.planJSON) ?? .null))
                    pairs.append(("children", .array(detail.children.map(PlanCommand.planJSON))))
                    pairs.append(
                        (
                            "revisions",
                            .array(
                                detail.revisions.map { r in
                                    .object([
                                        ("revision", .int(r.revision)), ("sourceFile", .string(r.sourceFile)),
                                        ("mediaType", .string(r.mediaType)),
                                        ("importedAt", .string(r.importedAt)), ("importedBy", .string(r.importedBy)),
                                    ])
                                })
                        ))
                    pairs.append(("asOf", .string(day.iso)))
                    pairs.append(("activityList", ActivityListingView.listing(activities, format: .json).json))
                    object = .object(pairs)
                }
                Terminal.write(object.serialized())
            case .csv:
                Terminal.write(ActivityListingView.listing(activities, format: .csv).csv)
            case .table:
                Terminal.line("Kế hoạch \(plan.reference) (#\(plan.id)) — \(plan.title ?? "")")
                Terminal.line(
                    "  Cơ quan ban hành: \(plan.owner)" + (plan.issuedOn.map { ", ngày \($0.vietnamese)" } ?? ""))
                if let signer = detail.document.signer.name { Terminal.line("  Người ký:         \(signer)") }
                if let parent = detail.parent {
                    Terminal.line("  Thực hiện:        Kế hoạch \(parent.reference) của \(parent.owner)")
                } else if let code = plan.parentCode {
                    Terminal.line("  Thực hiện:        Kế hoạch \(code) (chưa có trong hệ thống)")
                }
                if !detail.children.isEmpty {
                    Terminal.line(
                        "  Kế hoạch cấp dưới: \(detail.children.map { "\($0.reference) (\($0.owner))" }.joined(separator: "; "))"
                    )
                }
                for r in detail.revisions {
                    Terminal.line("  Bản \(r.revision): \(r.sourceFile), nhập lúc \(r.importedAt) bởi \(r.importedBy)")
                }
                Terminal.line("\nHoạt động (tình trạng tính đến \(day.vietnamese)):")
                Terminal.write(ActivityListingView.listing(activities, format: .table).table())
            }
        }
    }

    struct LinkParent: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link-parent", abstract: "Gắn kế hoạch với kế hoạch cấp trên mà nó thực hiện (hoặc bỏ gắn).")
        @Argument(help: "Kế hoạch cấp dưới.") var plan: String
        @Argument(help: "Kế hoạch cấp trên.") var parent: String?
        @Flag(help: "Bỏ gắn kế hoạch cấp trên.") var unlink = false
        @OptionGroup var session: SessionOptions

        func run() throws {
            guard (parent == nil) == unlink else {
                throw ToolError.argument(
                    "KẾ_HOẠCH_CẤP_TRÊN",
                    unlink ? "không dùng cùng --unlink." : "hãy cho biết kế hoạch cấp trên, hoặc dùng --unlink.")
            }
            let store = try session.open()
            let child = try Arguments.plan(store, plan, option: "KẾ_HOẠCH")
            let parentPlan = try parent.map { try Arguments.plan(store, $0, option: "KẾ_HOẠCH_CẤP_TRÊN") }
            let dropped = try store.linkParentPlan(child.id, to: parentPlan?.id)
            if let parentPlan {
                Terminal.line("Đã gắn kế hoạch \(child.reference) với kế hoạch cấp trên \(parentPlan.reference).")
            } else {
                Terminal.line("Đã bỏ gắn kế hoạch cấp trên của \(child.reference).")
            }
            if dropped > 0 { Terminal.line("\(dropped) hoạt động không còn gắn với nhiệm vụ cấp trên cũ.") }
        }
    }

    struct Coverage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Nhiệm vụ của kế hoạch cấp trên chưa có hoạt động nào triển khai, và hoạt động không gắn với nhiệm vụ cấp trên nào."
        )
        @Argument(
            help:
                "Kế hoạch cấp dưới (so với kế hoạch cấp trên của nó) hoặc kế hoạch cấp trên (so với mọi kế hoạch cấp dưới)."
        )
        var plan: String
        @OptionGroup var output: FormatOption
        @OptionGroup var session: SessionOptions

        func run() throws {
            let store = try session.open()
            let plan = try Arguments.plan(store, plan, option: "KẾ_HOẠCH")
            let coverage = try store.coverage(of: plan.id)
            func brief(_ a: ActivityBrief) -> JSONValue {
                .object([
                    ("id", .int(Int(a.id))), ("reference", .string(a.reference)), ("ref", .string(a.ref)),
                    ("title", .string(a.title)),
                ])
            }
            switch output.format {
            case .json:
                Terminal.write(
                    JSONValue.object([
                        ("parent", PlanCommand.planJSON(coverage.parent)),
                        ("children", .array(coverage.children.map(PlanCommand.planJSON))),
                        (
                            "covered",
                            .array(
                                coverage.covered.map {
                                    .object([
                                        ("task", brief($0.task)),
                                        ("implementedBy", .array($0.implementedBy.map(brief))),
                                    ])
                                })
                        ),
                        ("uncovered", .array(coverage.uncovered.map(brief))),
                        ("unlinked", .array(coverage.unlinked.map(brief))),
                    ]).serialized())
            case .csv, .table:
                var listing = Listing(columns: [
                    .init("kind", "Loại"), .init("reference", "Hoạt động"), .init("title", "Nội dung"),
                    .init("linked", "Gắn với"),
                ])
                for task in coverage.uncovered {
                    listing.append([.string("uncovered"), .string(task.reference), .string(task.title), .null])
                }
                for activity in coverage.unlinked {
                    listing.append([.string("unlinked"), .string(activity.reference), .string(activity.title), .null])
                }
                for covered in coverage.covered {
                    for activity in covered.implementedBy {
                        listing.append([
                            .string("covered"), .string(activity.reference), .string(activity.title),
                            .string(covered.task.reference),
                        ])
                    }
                }
                guard output.format == .table else {
                    Terminal.write(listing.csv)
                    return
                }
                Terminal.line(
                    "Kế hoạch cấp trên \(coverage.parent.reference); kế hoạch triển khai: \(coverage.children.map(\.reference).joined(separator: ", "))."
                )
                Terminal.line("\nNhiệm vụ cấp trên chưa được triển khai (\(coverage.uncovered.count)):")
                for task in coverage.uncovered { Terminal.line("  - \(task.reference) \(task.title)") }
                Terminal.line("\nHoạt động không gắn với nhiệm vụ cấp trên nào (\(coverage.unlinked.count)):")
                for activity in coverage.unlinked { Terminal.line("  - \(activity.reference) \(activity.title)") }
                Terminal.line("\nNhiệm vụ cấp trên đã được triển khai (\(coverage.covered.count)):")
                for covered in coverage.covered {
                    Terminal.line(
                        "  - \(covered.task.reference) \(covered.task.title) ← \(covered.implementedBy.map(\.reference).joined(separator: ", "))"
                    )
                }
                if !coverage.unlinked.isEmpty {
                    Terminal.line(
                        "\nGắn một hoạt động với nhiệm vụ cấp trên: cchc-admin activity link HOẠT_ĐỘNG --to KẾ_HOẠCH_CẤP_TRÊN#MỤC"
                    )
                }
            }
        }
    }
}
