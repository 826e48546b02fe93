import CLibPQ

/// What `PQping` learnt about a server, without logging in.
public enum PingResult: Sendable, Hashable {
    /// The server accepts connections (credentials and database are not checked).
    case reachable
    /// The server answered but refuses connections now (starting up, shutting down, in recovery).
    case rejected
    /// Nothing answered: no server at that address or socket (the CLI may start the local cluster).
    case noResponse
    /// libpq did not try, e.g. the configuration is unusable.
    case noAttempt
}

extension Connection {
    /// Asks the server in `configuration` whether it accepts connections (`PQpingParams`).
    public static func ping(_ configuration: ConnectionConfiguration) -> PingResult {
        let status = withCStringArrays(configuration.connectParameters) { keywords, values in
            PQpingParams(keywords, values, 1)
        }
        switch status {
        case PQPING_OK: return .reachable
        case PQPING_REJECT: return .rejected
        case PQPING_NO_RESPONSE: return .noResponse
        default: return .noAttempt
        }
    }
}
