import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM, so a long-running command can shut down cleanly.
@MainActor
enum TerminationSignal {
    /// The signal sources, kept alive for the life of the process.
    private static var sources: [any DispatchSourceSignal] = []

    static func wait() async {
        let (signals, continuation) = AsyncStream.makeStream(of: Int32.self)
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            sources.append(source)
        }
        for await _ in signals { return }
    }
}
