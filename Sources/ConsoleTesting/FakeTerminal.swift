import TUIKit

/// A terminal for tests: records every frame, takes scripted input, and can be resized.
@MainActor
public final class FakeTerminal: TerminalBackend {
    public private(set) var size: Size
    public let events: AsyncStream<InputEvent>
    private let continuation: AsyncStream<InputEvent>.Continuation
    /// Every frame presented, oldest first.
    public private(set) var frames: [Buffer] = []

    public init(size: Size = Size(width: 120, height: 40)) {
        self.size = size
        (events, continuation) = AsyncStream.makeStream(of: InputEvent.self)
    }

    public func present(_ buffer: Buffer) { frames.append(buffer) }

    /// The last frame as text lines.
    public var screen: [String] { frames.last?.lines() ?? [] }

    /// The last frame as one string.
    public var text: String { screen.joined(separator: "\n") }

    /// Queues key presses for the runtime's input stream.
    public func type(_ keys: Key...) {
        for key in keys { continuation.yield(.key(key)) }
    }

    /// Resizes and queues the resize event.
    public func resize(to size: Size) {
        self.size = size
        continuation.yield(.resize(size))
    }

    /// Ends input (the runtime then quits).
    public func close() { continuation.finish() }
}
