import Foundation

/// Values of one measurement over several runs (milliseconds unless the measurement says otherwise).
struct Samples: Sendable {
    private(set) var values: [Double] = []

    mutating func add(_ value: Double) { values.append(value) }

    var count: Int { values.count }
    var median: Double { percentile(0.5) }
    var p99: Double { percentile(0.99) }
    var min: Double { values.min() ?? 0 }
    var max: Double { values.max() ?? 0 }
    /// (max − min) / median, in percent: how much the runs disagree.
    var spreadPercent: Double { median > 0 ? (max - min) / median * 100 : 0 }

    /// Nearest-rank percentile.
    func percentile(_ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[Swift.min(Swift.max(rank, 0), sorted.count - 1)]
    }
}

/// Milliseconds of a duration.
func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
}

/// Times `body` once, in milliseconds.
func timed(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    return milliseconds(ContinuousClock.now - start)
}

/// Times an async `body` once, in milliseconds.
func timed(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    return milliseconds(ContinuousClock.now - start)
}

/// One row of the result table.
struct Measurement: Sendable, Encodable {
    var name: String
    /// What varies within the measurement: size, concurrency.
    var detail: String
    var unit: String
    var runs: Int
    var median: Double
    var p99: Double
    var min: Double
    var max: Double
    var spreadPercent: Double
    /// A derived figure (throughput, ratio), in words.
    var note: String

    init(_ name: String, _ detail: String, unit: String = "ms", _ samples: Samples, note: String = "") {
        self.name = name
        self.detail = detail
        self.unit = unit
        runs = samples.count
        median = samples.median
        p99 = samples.p99
        min = samples.min
        max = samples.max
        spreadPercent = samples.spreadPercent
        self.note = note
    }
}

/// The results of one bench run, as a table or as JSON.
struct Report: Sendable, Encodable {
    var quick: Bool
    var cores: Int
    var results: [Measurement] = []

    func table() -> String {
        let header = ["measurement", "detail", "runs", "median", "p99", "min", "max", "spread", "unit", "note"]
        let rows = results.map { result in
            [
                result.name, result.detail, String(result.runs), Self.number(result.median), Self.number(result.p99),
                Self.number(result.min), Self.number(result.max), String(format: "%.0f%%", result.spreadPercent),
                result.unit, result.note,
            ]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).enumerated().map { index, pair in
                let (cell, width) = pair
                let padding = String(repeating: " ", count: width - cell.count)
                return (2...7).contains(index) ? padding + cell : cell + padding
            }.joined(separator: "  ")
        }
        return
            ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
            + rows.map(line)).joined(separator: "\n")
    }

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private static func number(_ value: Double) -> String {
        value >= 100
            ? String(format: "%.0f", value) : value >= 1 ? String(format: "%.2f", value) : String(format: "%.3f", value)
    }
}

/// CPU time (user + system) the whole process has used so far, in milliseconds: every thread, the HTTP client's
/// event loops included. Wall time on two cores shared with the server hides what a change saves; this does not.
func processCPUMilliseconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func ms(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
    return ms(usage.ru_utime) + ms(usage.ru_stime)
}
