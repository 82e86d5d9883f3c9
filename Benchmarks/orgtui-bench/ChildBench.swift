import APICore
import APITransport
import ConsoleModel
import ConsoleUI
import Foundation
import TUIKit

#if canImport(Glibc)
    import Glibc
#endif

/// The measurements that need a fresh process: start → first frame, and peak RSS with every member cached.
///
/// The parent runs this executable again (`child` mode) against its in-process demo server, over real HTTP.
enum ChildBench {
    /// Monotonic nanoseconds, comparable between processes.
    static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    /// Kibibytes of a `/proc/self/status` field (VmRSS, VmHWM).
    static func statusKiB(_ field: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return 0
    }

    /// Child mode: first frame, then (unless `firstFrameOnly`) every member loaded; prints `key value` lines.
    @MainActor
    static func runChild(target: DemoTarget, provider: Provider, members: Int, spawnedAt: UInt64, firstFrameOnly: Bool)
        async throws
    {
        let http = HTTPClientTransport(logger: quietLogger)
        do {
            try await runChild(
                target: target, provider: provider, members: members, spawnedAt: spawnedAt,
                firstFrameOnly: firstFrameOnly, http: http)
        } catch {
            await http.shutdown()
            throw error
        }
        await http.shutdown()
    }

    @MainActor
    private static func runChild(
        target: DemoTarget, provider: Provider, members: Int, spawnedAt: UInt64, firstFrameOnly: Bool,
        http: HTTPClientTransport
    ) async throws {
        let session = ConsoleSession(profile: "bench", directory: target.makeDirectory(RetryingTransport(base: http)))
        let header = HeaderInfo(profile: "bench", provider: provider, isDemo: true)
        session.members.setScope(target.scope)
        let list = session.members.list
        try await ScreenBench.waitUntil("the first page") { list.snapshot.pagesLoaded > 0 && !list.isLoading }
        var state = AppState(size: Size(width: 120, height: 40), themeName: "default")
        state.pane = .members
        _ = ScreenRenderer.render(
            ScreenModel(state: state, header: header, session: session, keyMap: KeyMap()), theme: .defaultDark)
        let firstFrame = Double(monotonicNanoseconds() - spawnedAt) / 1e6
        print("first-frame-ms \(firstFrame)")
        print("rss-first-kib \(statusKiB("VmRSS"))")
        guard !firstFrameOnly else { return }
        list.loadAll()
        try await ScreenBench.waitUntil("every member") {
            if case .failed(let message) = list.snapshot.loadState { throw BenchError.setup(message) }
            return list.snapshot.loadedCount >= members && !list.isLoading
        }
        _ = ScreenRenderer.render(
            ScreenModel(state: state, header: header, session: session, keyMap: KeyMap()), theme: .defaultDark)
        print("loaded \(list.snapshot.loadedCount)")
        print("rss-kib \(statusKiB("VmRSS"))")
        print("hwm-kib \(statusKiB("VmHWM"))")
        if let path = ProcessInfo.processInfo.environment["ORGTUI_BENCH_SMAPS"] {
            // Which mappings the resident memory is in, for a profile by hand.
            // Read in chunks: /proc files report a size of 0, which whole-file reads trust.
            var smaps = Data()
            if let file = FileHandle(forReadingAtPath: "/proc/self/smaps") {
                while let chunk = try? file.read(upToCount: 65_536), !chunk.isEmpty { smaps.append(chunk) }
            }
            FileManager.default.createFile(atPath: path, contents: smaps)
        }
        #if canImport(Glibc)
            // Where the resident memory is (malloc'ed and in use, or freed but held by an arena): glibc's own
            // report on standard error, for a profile by hand (`<malloc.h>` is not in Swift's Glibc module).
            if ProcessInfo.processInfo.environment["ORGTUI_BENCH_MALLOC_STATS"] != nil,
                let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_stats")
            {
                unsafeBitCast(symbol, to: (@convention(c) () -> Void).self)()
            }
        #endif
        withExtendedLifetime(session) {}
    }

    /// Runs the child once and returns its `key value` lines.
    static func spawn(arguments: [String]) async throws -> [String: Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: process.executableURL?.path ?? "") {
            process.executableURL = Bundle.main.executableURL
        }
        let output = Pipe()
        process.standardOutput = output
        let spawnedAt = monotonicNanoseconds()
        process.arguments = ["child", "--spawned-at", String(spawnedAt)] + arguments
        try process.run()
        let data = await Task.detached { output.fileHandleForReading.readDataToEndOfFile() }.value
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError.setup("child \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        var values: [String: Double] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let value = Double(parts[1]) { values[String(parts[0])] = value }
        }
        return values
    }
}
