import PlanCore

extension PlanDocumentWriter {
    /// The plan as a `cchc.plan/v1` value: its identity, parent, sections, activities (units by the names
    /// valid on the plan's day, products as written) and duties. Warnings are empty: they belong to an import.
    public static func planDocument(_ plan: PlanRecord, content: PlanContent = PlanContent()) -> PlanDocument {
        PlanDocument(
            source: content.source ?? PlanDocument.Source(file: plan.reference, sha256: "", mediaType: .docx),
            document: plan.document,
            parent: parent(plan, content),
            sections: content.sections,
            activities: plan.activities.map { activity in
                PlannedActivity(
                    ref: activity.ref, title: activity.title, group: activity.group, lead: activity.lead.map(\.name),
                    coordinating: activity.coordinating.map(\.name), schedule: activity.schedule,
                    products: activity.products.map(\.text))
            },
            responsibilities: content.responsibilities)
    }

    /// The cited parent: the content's full reference, else the record's parent code alone.
    static func parent(_ plan: PlanRecord, _ content: PlanContent) -> ParentReference? {
        content.parent ?? plan.parentCode.map { ParentReference(code: $0) }
    }
}
