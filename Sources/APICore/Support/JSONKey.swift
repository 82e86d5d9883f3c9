/// An object key as raw bytes (a key with escapes is not read: the scanner gives up on the document).
package struct JSONKey {
    package let bytes: UnsafeBufferPointer<UInt8>

    package static func == (key: JSONKey, name: StaticString) -> Bool {
        name.withUTF8Buffer { expected in
            expected.count == key.bytes.count && (0..<expected.count).allSatisfy { expected[$0] == key.bytes[$0] }
        }
    }
}
