import ArgumentParser
import Foundation

/// `--as LOGIN`: who is acting. Falls back to `CCHC_USER`, then the operating-system user.
public struct IdentityOption: ParsableArguments {
    @Option(name: .customLong("as"), help: "Người thực hiện (tên đăng nhập); mặc định CCHC_USER hoặc người dùng hệ điều hành.")
    public var actor: String?

    public init() {}

    /// The login the change is recorded under.
    public var login: String {
        if let actor, !actor.isEmpty { return actor }
        if let env = ProcessInfo.processInfo.environment["CCHC_USER"], !env.isEmpty {
            return VietnameseArgument.normalize(env)
        }
        return IdentityOption.operatingSystemUser
    }

    public static var operatingSystemUser: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }
}
