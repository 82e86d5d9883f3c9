import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    static func text(
        _ text: String, status: Int = 200, reason: String = "OK", headers: [(name: String, value: String)] = []
    )
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
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
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

    static func localPort(of fd: Int32) -> Int {
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
    static func keepAlive(_ answer: @escaping @Sendable (RawRequest) -> RawResponse)
        -> @Sendable (RawConnection) -> Void
    {
        { connection in
            while let request = connection.readRequest() { connection.respond(answer(request)) }
        }
    }
}
