/// Runs an action if a deadline passes first: a guard against a hung child process, not a wait.
public enum Watchdog {
    /// Starts the timer; cancel the returned task once the guarded work has finished.
    public static func start(after timeout: Duration, _ action: @escaping @Sendable () -> Void) -> Task<Void, Never> {
        Task {
            do {
                try await Task.sleep(for: timeout)
                action()
            } catch {
                // Cancelled: the guarded work finished in time.
            }
        }
    }
}
