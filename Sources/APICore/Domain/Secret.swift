import Synchronization

/// A credential or freshly issued secret whose value never shows in descriptions, logs or mirrors.
///
/// The bytes live in one place and can be overwritten with `wipe()` once the value has been shown.
public final class Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    // A class, so that wiping reaches every holder of the value instead of a copy.
    private let storage: Mutex<[UInt8]?>

    /// Wraps a secret value.
    public init(_ value: String) {
        storage = Mutex(Array(value.utf8))
    }

    /// The value, for the one place that must use it (an auth header, the reveal modal); nil once wiped.
    public func reveal() -> String? {
        storage.withLock { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Overwrites the bytes with zeros and forgets them.
    public func wipe() {
        storage.withLock { bytes in
            if var value = bytes {
                for index in value.indices { value[index] = 0 }
                bytes = value
            }
            bytes = nil
        }
    }

    /// Whether the value was wiped.
    public var isWiped: Bool { storage.withLock { $0 == nil } }

    /// The length of the value, safe to show ("40 characters").
    public var count: Int { storage.withLock { $0?.count ?? 0 } }

    /// Compares the value with a candidate without revealing it to the caller.
    public func matches(_ candidate: String) -> Bool {
        storage.withLock { bytes in
            guard let bytes else { return false }
            let other = Array(candidate.utf8)
            guard other.count == bytes.count else { return false }
            var difference: UInt8 = 0
            for index in bytes.indices { difference |= bytes[index] ^ other[index] }
            return difference == 0
        }
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "Secret(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .class) }
}
