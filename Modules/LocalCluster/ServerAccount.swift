#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The OS account that owns the data directory and runs the server, and how to run a program as it.
///
/// PostgreSQL refuses to run as root, so when the tools run as root the server runs as the
/// `postgres` account (created by Debian's `postgresql` package) through `runuser` (or `setpriv`),
/// both from util-linux. As any other user the server runs as that user and nothing is switched.
struct ServerAccount: Sendable, Hashable {
    var entry: PasswdEntry
    /// Arguments placed before a command to run it as this account; empty for the current user.
    var switchPrefix: [String]

    var name: String { entry.name }
    var switchesUser: Bool { !switchPrefix.isEmpty }

    /// The account for the current effective user; `rootAccount` is used when that user is root.
    static func resolve(rootAccount: String, searchPath: [String]) -> Result<ServerAccount, LocalClusterError> {
        let euid = geteuid()
        guard euid == 0 else {
            let fallback = PasswdEntry(name: String(euid), uid: euid, gid: getegid(), home: "/")
            return .success(ServerAccount(entry: PasswdEntry.withID(euid) ?? fallback, switchPrefix: []))
        }
        guard let entry = PasswdEntry.named(rootAccount), entry.uid != 0 else {
            return .failure(.serverAccountMissing(rootAccount))
        }
        let places = searchPath + ["/usr/sbin", "/sbin", "/usr/bin", "/bin"]
        if let runuser = ExecutableSearch.find("runuser", in: places) {
            return .success(ServerAccount(entry: entry, switchPrefix: [runuser, "-u", entry.name, "--"]))
        }
        if let setpriv = ExecutableSearch.find("setpriv", in: places) {
            let prefix = [setpriv, "--reuid=\(entry.uid)", "--regid=\(entry.gid)", "--init-groups", "--"]
            return .success(ServerAccount(entry: entry, switchPrefix: prefix))
        }
        return .failure(.userSwitchUnavailable(account: rootAccount))
    }

    /// Whether this account can reach `path`: every existing directory on the way must grant it
    /// search permission (owner, primary group or other bits; ACLs and supplementary groups are not
    /// consulted, which can only make the answer more cautious). Missing components are created by us
    /// with search permission, so they count as reachable.
    func canReach(_ path: String) -> Bool {
        var prefix = ""
        for component in ["/"] + path.split(separator: "/").map(String.init) {
            prefix = component == "/" ? "/" : (prefix == "/" ? "/" : prefix + "/") + component
            var info = stat()
            guard stat(prefix, &info) == 0 else { return true }
            guard grantsSearch(info) else { return false }
        }
        return true
    }

    private func grantsSearch(_ info: stat) -> Bool {
        if entry.uid == 0 { return true }
        if info.st_uid == entry.uid { return info.st_mode & S_IXUSR != 0 }
        if info.st_gid == entry.gid { return info.st_mode & S_IXGRP != 0 }
        return info.st_mode & S_IXOTH != 0
    }
}
