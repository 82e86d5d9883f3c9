#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import Synchronization

/// One HTTP/1.1 request as `RawHTTPServer` read it off the socket.
struct RawRequest: Sendable, CustomStringConvertible {
    let method: String
    let target: String
    let headers: [(name: String, value: String)]
    let body: [UInt8]
    /// Which accepted connection (1, 2, …) it came on.
    let connection: Int

    /// The values of a header, matched case-insensitively.
    func headers(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    func header(_ name: String) -> String? { headers(name).first }

    var description: String { "\(method) \(target) on connection \(connection)" }
}

/// An answer `RawConnection.respond` writes: a `Content-Length` body, or chunks (`Transfer-Encoding: chunked`).
struct RawResponse: Sendable {
    var status = 200
    var reason = "OK"
    var headers: [(name: String, value: String)] = []
    var body: [UInt8] = []
    /// When set, the body is sent chunked, one chunk per element, each written to the socket on its own.
    var chunks: [[UInt8]]?

    static func text(_ text: String, status: Int = 200, reason: String = "OK", headers: [(name: String, value: String)] = [])
        -> RawResponse
    {
        RawResponse(status: status, reason: reason, headers: headers, body: Array(text.utf8))
    }
}

/// One accepted connection, used only by the thread that serves it.
final class RawConnection: @unchecked Sendable {
    let fd: Int32
    let number: Int
    private let server: RawHTTPServer
    private var buffer: [UInt8] = []

    init(fd: Int32, number: Int, server: RawHTTPServer) {
        self.fd = fd
        self.number = number
        self.server = server
    }

    /// The next request whole (head and `Content-Length` body), recorded by the server; nil when the client closed.
    func readRequest() -> RawRequest? {
        while true {
            if let end = headEnd() {
                let head = String(decoding: buffer[..<end], as: UTF8.self)
                var lines = head.components(separatedBy: "\r\n")
                let requestLine = lines.removeFirst().split(separator: " ", maxSplits: 2).map(String.init)
                guard requestLine.count == 3 else { return nil }
                let headers = lines.compactMap { line -> (name: String, value: String)? in
                    guard let colon = line.firstIndex(of: ":") else { return nil }
                    return (
                        String(line[..<colon]),
                        String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                    )
                }
                let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
                while buffer.count < end + 4 + length {
                    guard fill() else { return nil }
                }
                let body = Array(buffer[(end + 4)..<(end + 4 + length)])
                buffer.removeFirst(end + 4 + length)
                let request = RawRequest(
                    method: requestLine[0], target: requestLine[1], headers: headers, body: body, connection: number)
                server.record(request)
                return request
            }
            guard fill() else { return nil }
        }
    }

    /// Writes an answer.
    func respond(_ response: RawResponse) {
        var head = "HTTP/1.1 \(response.status) \(response.reason)\r\n"
        for header in response.headers { head += "\(header.name): \(header.value)\r\n" }
        if let chunks = response.chunks {
            head += "Transfer-Encoding: chunked\r\n\r\n"
            write(Array(head.utf8))
            for chunk in chunks where !chunk.isEmpty {
                write(Array((String(chunk.count, radix: 16) + "\r\n").utf8) + chunk + Array("\r\n".utf8))
            }
            write(Array("0\r\n\r\n".utf8))
        } else {
            head += "Content-Length: \(response.body.count)\r\n\r\n"
            write(Array(head.utf8) + response.body)
        }
    }

    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                    let sent = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                #else
                    let sent = send(fd, raw.baseAddress! + offset, raw.count - offset, 0)
                #endif
                if sent <= 0 { return }
                offset += sent
            }
        }
    }

    /// Makes the close that follows the handler's return abortive: the client gets a TCP reset, not an end of stream.
    func resetOnClose() {
        var option = linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
    }

    /// Reads (and drops) everything until the client closes the connection or the server stops.
    func waitForClientClose() {
        while fill() { buffer.removeAll() }
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer += chunk[0..<count]
        return true
    }

    private func headEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }
}

/// A deliberately small HTTP/1.1 server on 127.0.0.1 made of plain sockets and threads, so a test can make it
/// misbehave in ways a real server framework would not (close a kept connection without saying so, reset it,
/// never answer). `serve` runs once per accepted connection on a thread of its own; the connection is closed when
/// it returns. It counts accepted connections and records every request it read.
final class RawHTTPServer: Sendable {
    private struct State {
        var accepted = 0
        var requests: [RawRequest] = []
        var open: Set<Int32> = []
        var stopped = false
        var waiters: [(id: Int, count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        var nextWaiter = 0
    }

    let port: Int
    private let listener: Int32
    private let state = Mutex(State())

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(serve: @escaping @Sendable (RawConnection) -> Void) throws {
        #if canImport(Glibc)
            let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard listener >= 0 else { throw Failure(description: "socket: \(errno)") }
        var yes: Int32 = 1
        _ = setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            close(listener)
            throw Failure(description: "bind/listen: \(errno)")
        }
        self.listener = listener
        port = Self.localPort(of: listener)
        let server = self
        Thread { server.acceptLoop(serve) }.start()
    }

    /// A port on 127.0.0.1 bound and never listened on: a connect to it is refused. The port stays taken until
    /// `stop`, so no server started meanwhile (by a test running alongside) can get it.
    final class Refusing: Sendable {
        let port: Int
        private let fd: Int32

        init() throws {
            #if canImport(Glibc)
                let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #else
                let fd = socket(AF_INET, SOCK_STREAM, 0)
            #endif
            self.fd = fd
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else {
                close(fd)
                throw Failure(description: "bind: \(errno)")
            }
            port = RawHTTPServer.localPort(of: fd)
        }

        func stop() { close(fd) }
    }

    /// A listener on 127.0.0.1 that never accepts, whose queue (backlog 0) one connection already fills: a connect
    /// to its port gets no answer, so it never completes. Call `stop` to close it.
    final class Stalled: Sendable {
        let port: Int
        private let listener: Int32
        private let filler: Int32

        init() throws {
            #if canImport(Glibc)
                let kind = Int32(SOCK_STREAM.rawValue)
            #else
                let kind = SOCK_STREAM
            #endif
            let listener = socket(AF_INET, kind, 0)
            let filler = socket(AF_INET, kind, 0)
            self.listener = listener
            self.filler = filler
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0, listen(listener, 0) == 0 else { throw Failure(description: "bind/listen: \(errno)") }
            let port = RawHTTPServer.localPort(of: listener)
            self.port = port
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(filler, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else { throw Failure(description: "connect: \(errno)") }
        }

        func stop() {
            close(filler)
            close(listener)
        }
    }

    fileprivate static func localPort(of fd: Int32) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    func url(_ path: String) -> URL { URL(string: baseURL + path)! }

    /// How many connections were accepted so far.
    var acceptedConnections: Int { state.withLock { $0.accepted } }

    /// Every request read so far, in order.
    var requests: [RawRequest] { state.withLock { $0.requests } }

    func requests(_ method: String) -> [RawRequest] { requests.filter { $0.method == method } }

    /// Returns once `count` requests were read (or the server stopped, or the waiting task is cancelled).
    func waitForRequests(_ count: Int) async {
        let id = state.withLock { state -> Int in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> Bool in
                    if state.requests.count >= count || state.stopped || Task.isCancelled { return true }
                    state.waiters.append((id, count, continuation))
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index).continuation
            }
            waiter?.resume()
        }
    }

    fileprivate func record(_ request: RawRequest) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.requests.append(request)
            let ready = state.waiters.filter { state.requests.count >= $0.count }.map(\.continuation)
            state.waiters.removeAll { state.requests.count >= $0.count }
            return ready
        }
        for continuation in ready { continuation.resume() }
    }

    /// Stops accepting, ends every open connection and wakes every waiter.
    func stop() {
        let (open, waiters) = state.withLock { state in
            state.stopped = true
            defer { state.waiters.removeAll() }
            return (state.open, state.waiters.map(\.continuation))
        }
        shutdown(listener, Int32(SHUT_RDWR))
        for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
        for waiter in waiters { waiter.resume() }
    }

    private func acceptLoop(_ serve: @escaping @Sendable (RawConnection) -> Void) {
        while true {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else {
                if errno == EINTR { continue }
                break
            }
            let number = state.withLock { state -> Int? in
                guard !state.stopped else { return nil }
                state.accepted += 1
                state.open.insert(fd)
                return state.accepted
            }
            guard let number else {
                close(fd)
                break
            }
            let connection = RawConnection(fd: fd, number: number, server: self)
            Thread {
                serve(connection)
                self.state.withLock { _ = $0.open.remove(fd) }
                close(fd)
            }.start()
        }
        close(listener)
    }
}

// MARK: - Behaviours

extension RawHTTPServer {
    /// Answers every request on a connection with `answer`, keeping the connection open.
    static func keepAlive(_ answer: @escaping @Sendable (RawRequest) -> RawResponse) -> @Sendable (RawConnection) -> Void {
        { connection in
            while let request = connection.readRequest() { connection.respond(answer(request)) }
        }
    }
}

// MARK: - gzip

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
            for skipped in (index + 1)..<(index + length) where skipped + 3 <= bytes.count { head[hash(skipped)] = skipped }
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
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
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
