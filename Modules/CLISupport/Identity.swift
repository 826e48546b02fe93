import ArgumentParser
import Foundation

/// `--as LOGIN`: act for another person. Only an operator may (an administrator, or the owner of the
/// database, such as the OS user of the embedded cluster); the database checks it and the audit records
/// both. Without it the person is the one the PostgreSQL login belongs to. `CCHC_USER` is the same
/// request from the environment.
public struct IdentityOption: ParsableArguments {
    @Option(
        name: .customLong("as"),
        help: "Làm thay người dùng này (chỉ quản trị viên); mặc định là người dùng gắn với tài khoản PostgreSQL đang kết nối.")
    public var actor: String?

    public init() {}

    /// The person asked for (`--as`, else `CCHC_USER`), if any.
    public var requested: String? {
        if let actor, !actor.isEmpty { return actor }
        if let env = ProcessInfo.processInfo.environment["CCHC_USER"], !env.isEmpty {
            return VietnameseArgument.normalize(env)
        }
        return nil
    }

    /// The name of the first administrator of an empty registry: the operating-system user.
    public static var operatingSystemUser: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }
}
