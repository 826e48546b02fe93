#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `posix_spawn` and `waitpid`, without Foundation's `Process`.
///
/// `Process` watches its child through a socket the child inherits, and learns of the exit when
/// that socket closes. `pg_ctl start` leaves the postmaster running with every descriptor it
/// inherited, so the socket would stay open, and the caller would wait, for as long as the
/// server runs. Here the child gets stdin, stdout and stderr only (every other descriptor is
/// closed at spawn, atomically, whatever other threads are opening), default signal handling, and
/// `/` as working directory (the server account may not be able to enter ours, e.g. `/root`).
enum Spawn {
    /// Runs `arguments[0]` (an absolute path) to completion; returns its exit status, or 128 + the
    /// signal that ended it.
    static func run(
        _ arguments: [String], environment: [String: String], input: Int32, output: Int32
    ) -> Result<Int32, Errno> {
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        #if canImport(Darwin)
            flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
            _ = posix_spawn_file_actions_addchdir_np(&actions, "/")
        #else
            if let closeFrom = Native.closeFrom {
                _ = closeFrom(&actions, 3)
            } else {
                // glibc before 2.34: close every possible descriptor; closing one that is not open is ignored.
                var limit = rlimit()
                let highest =
                    getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0
                    ? min(Int(limit.rlim_cur), 65536) : 1024
                for descriptor in 3..<Int32(max(highest, 4)) { posix_spawn_file_actions_addclose(&actions, descriptor) }
            }
            if let changeDirectory = Native.changeDirectory { _ = changeDirectory(&actions, "/") }
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for string in argv + envp { free(string) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else { return .failure(Errno(code: spawned)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return .failure(Errno(code: errno)) }
        }
        let signal = status & 0x7f
        return .success(signal == 0 ? (status >> 8) & 0xff : 128 + signal)
    }

    /// An `errno` value as an error.
    struct Errno: Error, Sendable {
        var code: Int32
        var message: String { String(cString: strerror(code)) }
    }

    #if !canImport(Darwin)
        /// glibc's `_np` spawn actions (2.29 and 2.34), which Swift's Glibc module does not import.
        private enum Native {
            typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
            typealias ChangeDirectory =
                @convention(c) (
                    UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>
                ) -> Int32

            static let closeFrom = symbol("posix_spawn_file_actions_addclosefrom_np", as: CloseFrom.self)
            static let changeDirectory = symbol("posix_spawn_file_actions_addchdir_np", as: ChangeDirectory.self)

            private static func symbol<T>(_ name: String, as type: T.Type) -> T? {
                guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
                return unsafeBitCast(address, to: type)
            }
        }
    #endif
}
