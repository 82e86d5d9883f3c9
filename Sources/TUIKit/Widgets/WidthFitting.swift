/// Sharing columns between things that want more than there is.
enum WidthFitting {
    /// Shrinks the widest of `widths` first until they sum to at most `total`, never below `floors`.
    ///
    /// Returns nil when even the floors do not fit. Columns capped at the same level get the leftover cells
    /// from the left.
    static func shrink(_ widths: [Int], to total: Int, floors: [Int]) -> [Int]? {
        let floors = zip(widths, floors).map { min($0, max(0, $1)) }
        guard floors.reduce(0, +) <= total else { return nil }
        if widths.reduce(0, +) <= total { return widths }
        let capped = { (level: Int) in zip(widths, floors).map { max($1, min($0, level)) } }
        var level = widths.max() ?? 0
        while level > 0, capped(level).reduce(0, +) > total { level -= 1 }
        var result = capped(level)
        var spare = total - result.reduce(0, +)
        for index in result.indices where spare > 0 && widths[index] > result[index] {
            result[index] += 1
            spare -= 1
        }
        return result
    }

    /// Splits `amount` in proportion to `weights` (largest remainders first, ties to the left).
    static func distribute(_ amount: Int, weights: [Int]) -> [Int] {
        let total = weights.reduce(0) { $0 + max(0, $1) }
        guard amount > 0, total > 0 else { return weights.map { _ in 0 } }
        var shares = weights.map { amount * max(0, $0) / total }
        let remainders = weights.map { amount * max(0, $0) % total }
        var spare = amount - shares.reduce(0, +)
        let order = remainders.indices.sorted {
            remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1
        }
        for index in order where spare > 0 && weights[index] > 0 {
            shares[index] += 1
            spare -= 1
        }
        return shares
    }
}
