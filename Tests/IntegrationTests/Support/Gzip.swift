import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// gzip (RFC 1952) of `bytes`: one DEFLATE block with the fixed Huffman codes and greedy LZ77 matching (up to 258
/// bytes back to 32 KiB away). Compresses less well than zlib, which makes every ratio measured with it a lower
/// bound of what a real server's gzip gives.
func gzip(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
    var bits = BitWriter()
    bits.write(1, count: 1)  // BFINAL
    bits.write(1, count: 2)  // BTYPE 01: fixed codes
    var head = [Int](repeating: -1, count: 1 << 16)
    var index = 0
    func hash(_ at: Int) -> Int { (Int(bytes[at]) << 8 ^ Int(bytes[at + 1]) << 4 ^ Int(bytes[at + 2])) & 0xFFFF }
    while index < bytes.count {
        var length = 0
        var distance = 0
        if index + 3 <= bytes.count {
            let key = hash(index)
            let candidate = head[key]
            head[key] = index
            if candidate >= 0, index - candidate <= 32_768 {
                while length < 258, index + length < bytes.count, bytes[candidate + length] == bytes[index + length] {
                    length += 1
                }
                distance = index - candidate
            }
        }
        if length >= 3 {
            bits.writeLength(length)
            bits.writeDistance(distance)
            for skipped in (index + 1)..<(index + length) where skipped + 3 <= bytes.count {
                head[hash(skipped)] = skipped
            }
            index += length
        } else {
            bits.writeLiteral(Int(bytes[index]))
            index += 1
        }
    }
    bits.writeLiteral(256)
    out += bits.finish()
    let crc = crc32(bytes)
    for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
    for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: bytes.count >> shift)) }
    return out
}

private struct BitWriter {
    private var bytes: [UInt8] = []
    private var current: UInt32 = 0
    private var filled = 0

    /// `count` bits of `value`, least significant first (DEFLATE's order for everything but Huffman codes).
    mutating func write(_ value: Int, count: Int) {
        for bit in 0..<count {
            current |= UInt32((value >> bit) & 1) << UInt32(filled)
            filled += 1
            if filled == 8 {
                bytes.append(UInt8(current))
                current = 0
                filled = 0
            }
        }
    }

    /// A Huffman code, most significant bit first.
    mutating func writeCode(_ code: Int, count: Int) {
        for bit in stride(from: count - 1, through: 0, by: -1) { write((code >> bit) & 1, count: 1) }
    }

    /// A literal/length symbol (0...287) in the fixed code.
    mutating func writeLiteral(_ symbol: Int) {
        switch symbol {
        case 0...143: writeCode(0x30 + symbol, count: 8)
        case 144...255: writeCode(0x190 + symbol - 144, count: 9)
        case 256...279: writeCode(symbol - 256, count: 7)
        default: writeCode(0xC0 + symbol - 280, count: 8)
        }
    }

    private static let lengthBases = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258,
    ]
    private static let lengthExtra = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    private static let distanceBases = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577,
    ]
    private static let distanceExtra = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]

    mutating func writeLength(_ length: Int) {
        let code = Self.lengthBases.lastIndex { $0 <= length }!
        writeLiteral(257 + code)
        write(length - Self.lengthBases[code], count: Self.lengthExtra[code])
    }

    mutating func writeDistance(_ distance: Int) {
        let code = Self.distanceBases.lastIndex { $0 <= distance }!
        writeCode(code, count: 5)
        write(distance - Self.distanceBases[code], count: Self.distanceExtra[code])
    }

    mutating func finish() -> [UInt8] {
        if filled > 0 { bytes.append(UInt8(current)) }
        return bytes
    }
}

private func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
}
