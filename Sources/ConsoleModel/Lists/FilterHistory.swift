/// The display orders of the last few needles of one list, so that typing never rescans every row: a longer
/// needle filters the matches of one it contains, and a backspace finds its shorter needle's order here.
///
/// Valid only while the rows stay the same: the model forgets it whenever its row store changes.
struct FilterHistory {
    /// One filtered (and maybe sorted) display order.
    struct Entry {
        var needle: String
        var sort: SortState?
        var order: [Int]
        var keys: [SortKey]
    }

    /// How many needles are remembered: a word typed and erased again.
    static let capacity = 24

    private var entries: [Entry] = []

    mutating func removeAll() { entries.removeAll() }

    /// The order of exactly this needle and sort, if remembered.
    func exact(_ needle: String, sort: SortState?) -> Entry? {
        entries.last { $0.needle == needle && $0.sort == sort }
    }

    /// The remembered order with the longest needle that `needle` contains (same sort): every row matching
    /// `needle` is in it, in display order.
    func narrowest(containedIn needle: String, sort: SortState?) -> Entry? {
        entries.filter { entry in
            entry.sort == sort && entry.needle.count < needle.count
                && (entry.needle.isEmpty || needle.contains(entry.needle))
        }
        .max { $0.needle.count < $1.needle.count }
    }

    mutating func record(_ entry: Entry) {
        entries.removeAll { $0.needle == entry.needle && $0.sort == entry.sort }
        entries.append(entry)
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }
}
