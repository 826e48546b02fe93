import Crypto
import Foundation

/// Lower-case hex sha256, as the store prints it, for tests that check a digest from outside.
public enum SHA256Hex {
    public static func of(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
