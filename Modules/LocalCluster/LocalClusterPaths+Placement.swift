import Foundation

extension LocalCluster.Paths {
    /// Where the server files of `home` go for `account`; see `LocalCluster.Paths`.
    ///
    /// An existing data directory wins, so a cluster is never looked for in two places; otherwise
    /// `home` is used when the server account can reach it, else the relocated directory.
    static func resolve(home: URL, account: ServerAccount?, serverBase: URL) -> Self {
        let inHome = Self(home: home, serverRoot: home)
        guard let account, account.switchesUser else { return inHome }
        let relocated = Self(
            home: home, serverRoot: serverBase.appendingPathComponent(relocatedName(for: home), isDirectory: true))
        let files = FileManager.default
        if files.fileExists(atPath: inHome.dataDirectory.path) { return inHome }
        if files.fileExists(atPath: relocated.dataDirectory.path) { return relocated }
        return account.canReach(home.path) ? inHome : relocated
    }
}
