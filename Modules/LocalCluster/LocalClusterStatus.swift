extension LocalCluster {
    /// The state of the cluster on disk and in the process table.
    public enum Status: Sendable, Hashable {
        /// No data directory yet: the first `ensureRunning()` creates it.
        case notInitialised
        /// Initialised, no live postmaster.
        case stopped
        /// A postmaster with this process id holds the data directory.
        case running(pid: Int32)
    }

    /// How `pg_ctl stop` ends the server (`-m`).
    public enum StopMode: String, Sendable, CaseIterable {
        /// Waits for every client to disconnect.
        case smart
        /// Rolls back open transactions and disconnects clients; the normal choice.
        case fast
        /// Quits without a shutdown checkpoint; the next start runs crash recovery.
        case immediate
    }
}
