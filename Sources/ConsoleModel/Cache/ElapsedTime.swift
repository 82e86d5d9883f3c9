/// Reads the time since a start instant from any `Clock`, so the cache runs on the real or a test clock.
struct ElapsedTime: Sendable {
    private let read: @Sendable () -> Duration

    init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let start = clock.now
        read = { start.duration(to: clock.now) }
    }

    /// The time since the clock was captured.
    var now: Duration { read() }
}
