/// The server's one request log, shared by every provider: what each request asked and how it was answered.
///
/// Tests count calls with it (e.g. "a roll is never retried"); `/__demo/requests` serves it to other processes.
public actor DemoRequestLog {
    /// The most entries the log keeps (beyond it the oldest tenth is dropped, so a long bench run stays bounded).
    static let limit = 100_000

    private var records: [DemoRequestRecord] = []

    init() {}

    /// Appends a record.
    func record(_ entry: DemoRequestRecord) {
        if records.count >= Self.limit { records.removeFirst(records.count / 10) }
        records.append(entry)
    }

    /// Every request answered so far (except `/__demo` control calls; at most the last 100 000), oldest first.
    public func entries() -> [DemoRequestRecord] { records }

    /// Forgets every entry.
    public func clear() { records.removeAll() }
}
