import Foundation
import Synchronization

/// A credential or freshly issued secret whose value never shows in descriptions, logs or mirrors.
///
/// The bytes live in one allocation owned by this object, so `wipe()` zeroes them where they are (not a
/// copy-on-write copy) for every holder, and the allocation is zeroed again before it is freed.
public final class Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private struct Bytes: ~Copyable {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var isWiped = false
    }

    private let storage: Mutex<Bytes>

    /// Wraps a secret value.
    public init(_ value: String) {
        let utf8 = Array(value.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, utf8.count))
        buffer.initialize(repeating: 0)
        for (index, byte) in utf8.enumerated() { buffer[index] = byte }
        storage = Mutex(Bytes(buffer: UnsafeMutableBufferPointer(rebasing: buffer[0..<utf8.count])))
    }

    deinit {
        storage.withLock { bytes in
            Self.zero(bytes.buffer)
            bytes.buffer.baseAddress?.deallocate()
        }
    }

    /// The value, for the one place that must use it (an auth header, the reveal modal); nil once wiped.
    public func reveal() -> String? {
        storage.withLock { bytes in bytes.isWiped ? nil : String(decoding: bytes.buffer, as: UTF8.self) }
    }

    /// Overwrites the bytes with zeros in place and forgets them.
    public func wipe() {
        storage.withLock { bytes in
            Self.zero(bytes.buffer)
            bytes.isWiped = true
        }
    }

    /// Whether the value was wiped.
    public var isWiped: Bool { storage.withLock { $0.isWiped } }

    /// The length of the value, safe to show ("40 characters").
    public var count: Int { storage.withLock { $0.isWiped ? 0 : $0.buffer.count } }

    /// Compares the value with a candidate without revealing it to the caller.
    public func matches(_ candidate: String) -> Bool {
        storage.withLock { bytes in
            guard !bytes.isWiped else { return false }
            let other = Array(candidate.utf8)
            guard other.count == bytes.buffer.count else { return false }
            var difference: UInt8 = 0
            for index in other.indices { difference |= bytes.buffer[index] ^ other[index] }
            return difference == 0
        }
    }

    /// Whether every stored byte is zero, read from the allocation itself (tests check the wipe reached it).
    var storedBytesAreZero: Bool {
        storage.withLock { bytes in bytes.buffer.allSatisfy { $0 == 0 } }
    }

    private static func zero(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        // A plain loop before a free may be optimised away; these calls may not.
        #if canImport(Glibc)
            explicit_bzero(base, buffer.count)
        #else
            _ = memset_s(base, buffer.count, 0, buffer.count)
        #endif
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "Secret(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .class) }
}
