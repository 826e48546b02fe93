import Crypto
import Foundation
import PlanCore
import Postgres

/// A signed-in person of the web application, as the database sees their session.
public struct WebSession: Sendable, Hashable {
    public var id: Int64
    /// The session token (the cookie's value); the database keeps only its SHA-256.
    public var token: String
    public var user: UserRecord
    /// The form token every state-changing request of this session must carry.
    public var csrfToken: String
    /// The password was right but the second factor is still to be given (or enrolled).
    public var secondFactorPending: Bool
    public var totpEnabled: Bool
    /// An administrator reset the password: the person must choose a new one before anything else.
    public var mustChangePassword: Bool
}

/// What a sign-in attempt gave.
public enum SignInOutcome: Sendable, Hashable {
    /// A new session; `secondFactor` says whether a TOTP code must still be given (`code`) or a second
    /// factor enrolled first (`enrol`: required for the role).
    case signedIn(token: String, secondFactor: SecondFactor, mustChangePassword: Bool)
    /// Unknown name, wrong password, disabled person, or no password set: one answer for all.
    case refused
    /// Too many failures for this name or address: try again after that many seconds.
    case throttled(seconds: Int)

    public enum SecondFactor: String, Sendable, Hashable {
        case none, code, enrol
    }
}

/// Passwords as people choose them.
public enum PasswordPolicy {
    /// The shortest password accepted.
    public static let minimumLength = 10

    /// Refuses a password that is too short or is the login itself; the Vietnamese reason.
    public static func check(_ password: String, login: String) throws(StoreError) {
        let text = VietnameseText.nfc(password)
        guard text.count >= minimumLength else {
            throw .invalid("Mật khẩu cần ít nhất \(minimumLength) ký tự (mật khẩu này có \(text.count)).")
        }
        guard VietnameseText.accentInsensitiveKey(text) != VietnameseText.accentInsensitiveKey(login) else {
            throw .invalid("Mật khẩu không được trùng tên đăng nhập.")
        }
    }

    /// What is hashed with bcrypt and checked by the database: the base64 SHA-256 of the NFC password, so
    /// a long Vietnamese passphrase is not cut at bcrypt's 72 bytes (44 bytes whatever its length).
    public static func secret(_ password: String) -> String {
        Data(SHA256.hash(data: Data(VietnameseText.nfc(password).utf8))).base64EncodedString()
    }
}

/// Sign-in and sessions of the web application, decided by the database (migration 0008): the
/// connection is the web application's own (a member of `cchc_web_service`, or the embedded cluster's
/// owner), which can check a password and read a session, but not choose a person.
public enum WebSessions {
    /// Checks the password and, when right, opens a session.
    public static func signIn(
        _ connection: Connection, login: String, password: String, address: String?, userAgent: String?,
        idle: Duration, lifetime: Duration
    ) throws -> SignInOutcome {
        let row = try connection.query(
            """
            SELECT outcome, token, second_factor, must_change, wait_seconds
              FROM cchc_web_sign_in(\(VietnameseText.nfc(login)), \(PasswordPolicy.secret(password)), \(address)::text,
                                    \(userAgent)::text, \(Int(idle.components.seconds))::int,
                                    \(Int(lifetime.components.seconds))::int)
            """
        ).first!
        switch try row.decode(String.self, at: 0) {
        case "ok":
            return .signedIn(
                token: try row.decode(String.self, at: 1),
                secondFactor: SignInOutcome.SecondFactor(rawValue: try row.decode(String.self, at: 2)) ?? .code,
                mustChangePassword: try row.decode(Bool.self, at: 3))
        case "throttled":
            return .throttled(seconds: try row.decode(Int.self, at: 4))
        default:
            return .refused
        }
    }

    /// The live session of a token (touched), or nil when it ended, expired or was never one.
    public static func session(_ connection: Connection, token: String) throws -> WebSession? {
        guard token.count == 64, token.allSatisfy(\.isHexDigit) else { return nil }
        return try connection.query(
            """
            SELECT session_id, user_id, login, display_name, role, unit_id, csrf, second_factor_pending,
                   totp_enabled, must_change
              FROM cchc_web_session(\(token))
            """
        ).first.map { row in
            WebSession(
                id: try row.decode(Int64.self, at: 0), token: token,
                user: UserRecord(
                    id: try row.decode(Int64.self, at: 1), login: try row.decode(String.self, at: 2),
                    displayName: try row.decode(String?.self, at: 3),
                    role: UserRole(rawValue: try row.decode(String.self, at: 4)) ?? .viewer,
                    unitID: try row.decode(Int64?.self, at: 5), active: true),
                csrfToken: try row.decode(String.self, at: 6), secondFactorPending: try row.decode(Bool.self, at: 7),
                totpEnabled: try row.decode(Bool.self, at: 8), mustChangePassword: try row.decode(Bool.self, at: 9))
        }
    }

    /// Ends the session (sign-out).
    public static func signOut(_ connection: Connection, token: String) throws {
        try connection.query("SELECT cchc_web_sign_out(\(token))")
    }

    /// The TOTP secret of the session's person (to check a code), if they have one.
    public static func totpSecret(_ connection: Connection, token: String) throws -> String? {
        try connection.query("SELECT cchc_web_totp_secret(\(token))").scalar(String?.self)
    }

    /// The second factor was checked: the session becomes live.
    public static func secondFactorDone(_ connection: Connection, token: String) throws {
        try connection.query("SELECT cchc_web_second_factor_done(\(token))")
    }
}

extension Store {
    /// Sets a person's password: an administrator for anyone (who must change it at the next sign-in unless
    /// `mustChange` is false), a person for themselves. `hash` is bcrypt (cost 12 or more) of
    /// `PasswordPolicy.secret(password)`.
    public func setPassword(_ login: String, hash: String, mustChange: Bool) throws {
        try transaction("đặt mật khẩu cho \(login)") { connection in
            try connection.query("SELECT cchc_set_password(\(VietnameseText.nfc(login)), \(hash), \(mustChange))")
        }
    }

    /// Ends every live web session of a person; returns how many.
    @discardableResult
    public func endSessions(of login: String, reason: String = "ended") throws -> Int {
        try transaction("kết thúc phiên đăng nhập của \(login)") { connection in
            try connection.query("SELECT cchc_end_sessions(\(VietnameseText.nfc(login)), \(reason))").scalar(Int.self)
        }
    }

    /// Stores a new TOTP secret for this (web) person, not yet enabled.
    public func enrolTOTP(secret: String) throws {
        guard let webToken else { throw StoreError.invalid("Chỉ đăng ký xác thực hai lớp được qua ứng dụng web.") }
        try transaction("đăng ký xác thực hai lớp") { connection in
            try connection.query("SELECT cchc_web_totp_enrol(\(webToken), \(secret))")
        }
    }

    /// Turns the enrolled TOTP secret on (the code was checked) and marks the session's second factor done.
    public func enableTOTP() throws {
        guard let webToken else { throw StoreError.invalid("Chỉ đăng ký xác thực hai lớp được qua ứng dụng web.") }
        try transaction("bật xác thực hai lớp") { connection in
            try connection.query("SELECT cchc_web_totp_enable(\(webToken))")
        }
    }

    /// Whether administrators must use a second factor in the web application.
    public func setRequireTOTPForAdmins(_ required: Bool) throws {
        try requireAdmin("đổi thiết lập")
        try transaction("đổi thiết lập") { connection in
            try connection.query(
                """
                INSERT INTO settings (key, value) VALUES ('web.require_totp_for_admin', \(required ? "true" : "false"))
                ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
                """)
        }
    }
}
