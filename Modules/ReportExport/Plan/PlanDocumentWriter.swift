/// Writes a stored plan back out: as a Word document in the Nghị định 30/2020 layout that the importer reads
/// back (activities as body blocks with "- Đơn vị chủ trì: …" lines), and as `cchc.plan/v1`.
public enum PlanDocumentWriter {}
